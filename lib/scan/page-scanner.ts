import type { EntityType } from '../data/schema';
import { closestBlock, collectTextBlocks, isInsideSkipped, TextBlockWalker, type TextBlock } from '../dom/text-blocks';
import type { Mention } from '../match/automaton';
import { rankCandidates } from '../match/disambiguate';
import { MatchRequests, type TextMatcher } from './match-requests';
import { PageMention, type FoundMention, type RangeSource } from './page-mention';
import { defaultScheduler, IDLE_SAFETY_MS, MAX_SLICE_MS, type IdleDeadlineLike, type IdleScheduler } from './idle-scheduler';
import type { AheadWatcher, AheadWatcherFactory, NearWatcher, NearWatcherFactory } from './viewport-watchers';

/**
 * Blocks walked between looks at how far ahead of the reader the walk is: enough to fill a few screens, so most
 * short pages are walked whole and a long one stops a few screens below the reader.
 */
export const WALK_CHUNK_BLOCKS = 48;

export interface ScanSink {
  add(type: EntityType, mark: RangeSource, block: Element): void;
  remove(type: EntityType, mark: RangeSource, block: Element): void;
}

/**
 * Scans a document's text blocks in idle-time slices, registers every mention with the sink (the highlight
 * registry), and keeps indexes from text node and from block to mentions, for hit-testing and for rescanning
 * what changed.
 *
 * With a NearWatcher, text is read as it comes near the viewport, and with an AheadWatcher the DOM itself is walked
 * only as far as the reader gets: a long page costs what the reader sees, not its length. Whatever needs the whole
 * page (the popup's list, next/previous mention) asks with scanAll().
 */
export class PageScanner {
  private readonly byNode = new Map<Text, PageMention[]>();
  private readonly byBlock = new Map<Element, PageMention[]>();
  private readonly counts = new Map<number, number>();
  private readonly queue: TextBlock[] = [];
  private running = false;
  /** Bumped on every change, so the document-order list is rebuilt only when needed. */
  private changes = 0;
  private orderedCache: { at: number; list: FoundMention[] } | undefined;
  private idleWaiters: (() => void)[] = [];
  /** Blocks known but not read yet: far from the viewport, waiting for the reader or for scanAll(). */
  private readonly waiting = new Map<Element, TextBlock>();
  private readonly near: NearWatcher | undefined;
  /** Walks of the DOM still under way, taken in idle-time slices like the reading itself. */
  private walks: TextBlockWalker[] = [];
  /** Changes inside the block the walk stands in, rescanned when the walk ends (it has read only part of it). */
  private deferred: Node[] = [];
  /** The whole page was asked for (scanAll): blocks the walk finds are read at once, near the reader or not. */
  private wantAll = false;
  private readonly ahead: AheadWatcher | undefined;
  /** The walk stopped far below the reader and waits for the AheadWatcher. */
  private paused = false;
  private walkedSinceLook = 0;
  /** Blocks read go to the matcher in batches; its answers are registered a block at a time, in idle-time slices. */
  private readonly requests: MatchRequests;

  constructor(
    private readonly root: Element,
    matcher: TextMatcher,
    private readonly sink: ScanSink,
    private readonly schedule: IdleScheduler = defaultScheduler,
    nearWatcher: NearWatcherFactory | undefined = undefined,
    aheadWatcher: AheadWatcherFactory | undefined = undefined,
  ) {
    this.requests = new MatchRequests(matcher, () => this.pump());
    this.near = nearWatcher?.((elements) => this.onNear(elements));
    this.ahead = this.near && aheadWatcher?.(() => this.resumeWalk());
  }

  /** Every block of the page has been read. */
  get complete(): boolean {
    return this.idle && this.waiting.size === 0 && this.walks.length === 0;
  }

  /** Nothing runnable is left: the queue is read and answered, and the walk is over or paused far below the reader. */
  private get idle(): boolean {
    return this.queue.length === 0 && !this.walking && !this.running && !this.requests.busy;
  }

  private get walking(): boolean {
    return this.walks.length > 0 && !this.paused;
  }

  private resumeWalk(): void {
    if (!this.paused) return;
    this.paused = false;
    this.walkedSinceLook = 0;
    this.pump();
  }

  /** Resolves when everything queued so far has been scanned (blocks still far from the reader wait). */
  whenDone(): Promise<void> {
    return this.idle ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Read every block under `element`: with a NearWatcher, the DOM is walked in idle-time slices and each block is
   * read as it comes near the viewport; without one, all of them now, those in `onScreen` (the span of blocks the
   * reader sees) first, then below, then above.
   */
  scan(element: Element = this.root, onScreen?: (blocks: Element[]) => [from: number, to: number]): Promise<void> {
    if (this.near) {
      this.walks.push(new TextBlockWalker(element));
      this.pump();
      return this.whenDone();
    }
    const blocks = collectTextBlocks(element);
    if (onScreen) {
      const [from, to] = onScreen(blocks.map((b) => b.element));
      this.queue.push(...blocks.slice(from, to), ...blocks.slice(to), ...blocks.slice(0, from));
    } else {
      this.queue.push(...blocks);
    }
    this.pump();
    return this.whenDone();
  }

  /** Read the blocks still waiting too (the whole page is wanted); resolves when all is read. */
  scanAll(): Promise<void> {
    this.wantAll = true;
    this.paused = false;
    for (const [element, block] of this.waiting) {
      this.near?.unobserve(element);
      this.queue.push(block);
    }
    this.waiting.clear();
    this.pump();
    return this.whenDone();
  }

  private onNear(elements: Element[]): void {
    for (const element of elements) {
      const block = this.waiting.get(element);
      if (!block) continue;
      this.waiting.delete(element);
      this.near!.unobserve(element);
      this.queue.push(block);
    }
    this.pump();
  }

  private forget(block: Element): void {
    for (const element of [...this.waiting.keys()]) {
      if (!block.contains(element)) continue;
      this.waiting.delete(element);
      this.near?.unobserve(element);
    }
    this.requests.forget(block);
  }

  /** Re-read the blocks around changed nodes: their old mentions go, their new text is scanned. */
  rescan(changed: Iterable<Node>): Promise<void> {
    this.prune();
    const blocks = new Set<Element>();
    const walk = this.walks[0];
    for (const node of changed) {
      if (!node.isConnected || !this.root.contains(node) || isInsideSkipped(node, this.root)) continue;
      const block = closestBlock(node, this.root);
      if (walk && !walk.done) {
        const at = walk.position;
        // Inside the block the walk stands in: it has read part of it; rescan the whole when the walk ends. (So too
        // if the walk's place was removed: it starts over, and where it stands is unknown until it does.)
        if (!at.isConnected || block.contains(at)) {
          this.deferred.push(node);
          continue;
        }
        // Ahead of the walk: it reads the new text when it gets there.
        if (at.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING) continue;
      }
      blocks.add(block);
    }
    // A block inside another changed block is covered by the outer one.
    const outer = [...blocks].filter((b) => ![...blocks].some((o) => o !== b && o.contains(b)));
    for (const block of outer) {
      for (const [el, mentions] of this.byBlock) {
        if (block.contains(el)) for (const m of [...mentions]) this.drop(m);
      }
      for (let i = this.queue.length - 1; i >= 0; i--) if (block.contains(this.queue[i]!.element)) this.queue.splice(i, 1);
      // Changed text is read at once, near the viewport or not: it is usually small, and often what the reader is
      // looking at (a live update, the next page of an infinite scroll).
      this.forget(block);
      this.queue.push(...collectTextBlocks(block));
    }
    this.pump();
    return this.whenDone();
  }

  /**
   * Drop mentions whose text left the document. Their ranges cannot tell: a live range whose text is removed
   * collapses onto the parent, which is still connected; the text nodes themselves can.
   */
  prune(): void {
    for (const mentions of [...this.byBlock.values()]) {
      for (const m of [...mentions]) if (m.nodes.some((n) => !n.isConnected)) this.drop(m);
    }
  }

  /** Forget everything (SPA navigation); the caller rescans. */
  reset(): void {
    for (const mentions of [...this.byBlock.values()]) for (const m of [...mentions]) this.drop(m);
    this.queue.length = 0;
    this.requests.clear();
    this.walks = [];
    this.deferred = [];
    this.wantAll = false;
    this.paused = false;
    this.walkedSinceLook = 0;
    this.ahead?.disconnect();
    this.forget(this.root);
  }

  private pump(): void {
    if (this.running) return;
    if (this.queue.length === 0 && !this.requests.hasAnswers && !this.walking) {
      if (this.idle) this.settle();
      return;
    }
    this.running = true;
    const step = (deadline: IdleDeadlineLike) => {
      const started = performance.now();
      do {
        // Answers first (the reader waits for their marks), then text near the reader; then the walk finds more.
        const answer = this.requests.take();
        if (answer) {
          this.register(answer.block, answer.mentions);
          continue;
        }
        const block = this.queue.shift();
        if (block) this.requests.add(block);
        else if (!this.walkOne()) break;
      } while (deadline.timeRemaining() > IDLE_SAFETY_MS && performance.now() - started < MAX_SLICE_MS);
      this.requests.flush();
      if (this.requests.hasAnswers || this.queue.length || this.walking) {
        this.schedule(step);
      } else {
        this.running = false;
        if (this.idle) this.settle();
      }
    };
    this.schedule(step);
  }

  /** Take one block from the walk under way; false when no walk is left or it is paused. */
  private walkOne(): boolean {
    const walker = this.walks[0];
    if (!walker || this.paused) return false;
    const block = walker.next();
    if (block) {
      if (this.wantAll || !this.near) this.queue.push(block);
      else {
        this.waiting.set(block.element, block);
        this.near.observe(block.element);
        if (this.ahead && ++this.walkedSinceLook >= WALK_CHUNK_BLOCKS) {
          // Look where this block is before walking on: a long page is walked only as far as the reader gets.
          this.paused = true;
          this.ahead.watch(block.element);
        }
      }
    } else {
      this.walks.shift();
      if (this.walks.length === 0 && this.deferred.length) {
        const changed = this.deferred;
        this.deferred = [];
        void this.rescan(changed);
      }
    }
    return true;
  }

  private settle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  /** Register the mentions the matcher found in a block. */
  private register(block: TextBlock, matches: Mention[]): void {
    let nearby: Map<number, number> | undefined;
    // Nearby mentions (same block) weigh more than the rest of the page.
    const mentioned = (e: number) => {
      if (!nearby) {
        nearby = new Map();
        for (const m of matches) if (!m.alternatives) nearby.set(m.entity, (nearby.get(m.entity) ?? 0) + 1);
      }
      return (nearby.get(e) ?? 0) * 100 + (this.counts.get(e) ?? 0);
    };
    const list = this.byBlock.get(block.element) ?? [];
    for (const match of matches) {
      let entity = match.entity;
      let alternatives = match.alternatives;
      if (alternatives) {
        [entity, ...alternatives] = rankCandidates([entity, ...alternatives], this.requests.parents, mentioned) as [
          number,
          ...number[],
        ];
      }
      const nodes: Text[] = [];
      for (const segment of block.segments) {
        if (segment.start >= match.end) break;
        if (segment.start + segment.node.data.length > match.start) nodes.push(segment.node);
      }
      const mention = new PageMention(block, match.start, match.end, entity, alternatives, nodes);
      for (const node of nodes) {
        const onNode = this.byNode.get(node);
        if (onNode) onNode.push(mention);
        else this.byNode.set(node, [mention]);
      }
      list.push(mention);
      this.counts.set(entity, (this.counts.get(entity) ?? 0) + 1);
      this.sink.add(this.requests.entity(entity).type, mention, block.element);
    }
    this.byBlock.set(block.element, list);
    this.changes++;
  }

  private drop(mention: PageMention): void {
    this.changes++;
    this.sink.remove(this.requests.entity(mention.entity).type, mention, mention.block);
    const inBlock = this.byBlock.get(mention.block);
    if (inBlock) {
      inBlock.splice(inBlock.indexOf(mention), 1);
      if (inBlock.length === 0) this.byBlock.delete(mention.block);
    }
    for (const node of mention.nodes) {
      const mentions = this.byNode.get(node);
      const i = mentions ? mentions.indexOf(mention) : -1;
      if (i < 0) continue;
      mentions!.splice(i, 1);
      if (mentions!.length === 0) this.byNode.delete(node);
    }
    const count = (this.counts.get(mention.entity) ?? 1) - 1;
    if (count > 0) this.counts.set(mention.entity, count);
    else this.counts.delete(mention.entity);
  }

  /** Every mention in document order (for next/previous navigation and jump-to). */
  ordered(): FoundMention[] {
    if (this.orderedCache?.at === this.changes) return this.orderedCache.list;
    const list = [...this.byBlock.values()].flat();
    list.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    this.orderedCache = { at: this.changes, list };
    return list;
  }

  mentionsIn(node: Text): readonly FoundMention[] {
    return this.byNode.get(node) ?? [];
  }

  /** Entity id → number of mentions, most mentioned first. */
  summary(): { id: string; count: number }[] {
    return [...this.counts]
      .map(([entity, count]) => ({ id: this.requests.entity(entity).id, count }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  }

  idOf(mention: FoundMention): string {
    return this.idOfEntity(mention.entity);
  }

  /** The id of an entity index found on this page (a mention's entity or one of its alternatives). */
  idOfEntity(entity: number): string {
    return this.requests.entity(entity).id;
  }

  typeOf(mention: FoundMention): EntityType {
    return this.requests.entity(mention.entity).type;
  }
}
