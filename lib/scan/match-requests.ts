import type { EntityType } from '../data/schema';
import type { TextBlock } from '../dom/text-blocks';
import type { Mention } from '../match/automaton';
import { decodeMentions, type MatchReply } from '../match/match-texts';
import { MAX_MATCH_TEXT_UNITS } from '../messages/protocol';

/**
 * Most text (UTF-16 units) sent to the matcher in one request: a few screens of a news page, so the first marks
 * wait for one round trip, and no message grows large.
 */
export const MAX_BATCH_UNITS = 1 << 16;

/**
 * Finds the mentions in a batch of texts. In the extension it is the background's matcher, asked by message: one
 * automaton for every tab and frame, its code kept warm, where a matcher in each content script cost every page
 * its index, its load and a cold first scan on the page's own thread. Tests and tools pass a local one.
 */
export type TextMatcher = (texts: string[]) => Promise<MatchReply>;

/** What the matcher told of an entity it found. */
export interface EntityInfo {
  id: string;
  type: EntityType;
}

/** A block's mentions, as the matcher found them. */
export interface Answer {
  block: TextBlock;
  mentions: Mention[];
}

/**
 * A page's requests to the matcher: the blocks read in one slice go as one request, and each answer is kept until
 * the scanner registers it, unless its block changed or left since it was sent.
 */
export class MatchRequests {
  private batch: TextBlock[] = [];
  private batchUnits = 0;
  private inFlight = 0;
  /** Blocks sent, by element: an answer counts only if its block is still the one sent. */
  private readonly sent = new Map<Element, TextBlock>();
  private answers: Answer[] = [];
  private readonly entities = new Map<number, EntityInfo>();
  /** Each found entity's parent place (entity index, or -1): context for ambiguous names. */
  readonly parents: number[] = [];
  private failed = false;

  /** `answered` is called whenever a request settles, with or without answers to register. */
  constructor(
    private readonly matcher: TextMatcher,
    private readonly answered: () => void,
  ) {}

  /** Requests on their way, or answers not yet taken. */
  get busy(): boolean {
    return this.inFlight > 0 || this.answers.length > 0;
  }

  get hasAnswers(): boolean {
    return this.answers.length > 0;
  }

  /** Batch a block; a full batch goes at once, the rest with flush(). */
  add(block: TextBlock): void {
    // A block longer than a request may carry (megabytes in one element: no article) is left unread, rather than
    // failing the request of every block batched with it.
    if (!block.element.isConnected || block.text.length > MAX_MATCH_TEXT_UNITS) return;
    this.batch.push(block);
    this.batchUnits += block.text.length;
    if (this.batchUnits >= MAX_BATCH_UNITS) this.flush();
  }

  /** Send the batch. */
  flush(): void {
    const blocks = this.batch;
    if (blocks.length === 0) return;
    this.batch = [];
    this.batchUnits = 0;
    for (const block of blocks) this.sent.set(block.element, block);
    this.inFlight++;
    this.matcher(blocks.map((b) => b.text))
      .then(
        ({ found, entities }) => {
          for (const [index, id, type, parent] of entities) {
            this.entities.set(index, { id, type });
            this.parents[index] = parent;
          }
          blocks.forEach((block, k) => {
            if (this.sent.get(block.element) !== block) return;
            const mentions = decodeMentions(found[k] ?? []);
            if (mentions.length) this.answers.push({ block, mentions });
            else this.sent.delete(block.element);
          });
        },
        (err: unknown) => {
          for (const block of blocks) if (this.sent.get(block.element) === block) this.sent.delete(block.element);
          // Once per page: a matcher that cannot answer (the extension was updated under the page) fails every batch.
          if (!this.failed) console.warn('[ai-atlas] could not match the page text', err);
          this.failed = true;
        },
      )
      .finally(() => {
        this.inFlight--;
        this.answered();
      });
  }

  /** The next answer about a block that is still as it was sent, with only the mentions that fit it. */
  take(): Answer | undefined {
    for (let answer = this.answers.shift(); answer; answer = this.answers.shift()) {
      const { block } = answer;
      if (this.sent.get(block.element) !== block) continue;
      this.sent.delete(block.element);
      if (!block.element.isConnected) continue;
      const mentions = answer.mentions.filter((m) => this.fits(m, block.text.length));
      if (mentions.length) return { block, mentions };
    }
    return undefined;
  }

  /** A mention inside its text, naming entities the matcher described (a garbled answer marks nothing wrong). */
  private fits(m: Mention, length: number): boolean {
    return 0 <= m.start && m.start < m.end && m.end <= length && this.knows(m.entity) && (m.alternatives ?? []).every(this.knows);
  }

  private readonly knows = (entity: number): boolean => this.entities.has(entity);

  /** Forget the blocks inside `element` (their text changed): unsent, they stay unsent; answered, ignored. */
  forget(element: Element): void {
    for (const sent of [...this.sent.keys()]) if (element.contains(sent)) this.sent.delete(sent);
    this.batch = this.batch.filter((b) => !element.contains(b.element));
    this.batchUnits = this.batch.reduce((units, b) => units + b.text.length, 0);
  }

  /** Drop everything batched, sent or answered (the page is read afresh). */
  clear(): void {
    this.batch = [];
    this.batchUnits = 0;
    this.sent.clear();
    this.answers = [];
  }

  /** What the matcher told of an entity index it found. */
  entity(entity: number): EntityInfo {
    return this.entities.get(entity)!;
  }
}
