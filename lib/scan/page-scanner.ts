import type { EntityType } from '../data/schema';
import type { NameIndex } from '../data/bundle';
import { collectTextBlocks, rangeFor, type TextBlock } from '../dom/text-blocks';
import type { NameMatcher } from '../match/matcher';

/** A mention found on the page, with its live DOM range. */
export interface FoundMention {
  range: Range;
  entity: number;
  alternatives?: number[];
  surface: string;
}

/** Leave this much of an idle period unused so the page's own idle work still gets time. */
const IDLE_SAFETY_MS = 2;
/** If the page is never idle, scan anyway after this long: marks that never appear are worse than a short task. */
const IDLE_TIMEOUT_MS = 500;

export type IdleScheduler = (work: (deadline: { timeRemaining(): number; didTimeout: boolean }) => void) => void;

export const defaultScheduler: IdleScheduler = (work) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(() => work({ timeRemaining: () => 10, didTimeout: true }), 0);
};

export interface ScanSink {
  add(type: EntityType, range: Range): void;
}

/**
 * Scans a document's text blocks in idle-time slices, registers every mention with the sink (the highlight
 * registry), and keeps an index from text node to mentions for hit-testing.
 */
export class PageScanner {
  private readonly byNode = new Map<Text, FoundMention[]>();
  private readonly counts = new Map<number, number>();
  private pending = 0;
  private done: Promise<void> = Promise.resolve();

  constructor(
    private readonly index: NameIndex,
    private readonly matcher: NameMatcher,
    private readonly sink: ScanSink,
    private readonly schedule: IdleScheduler = defaultScheduler,
  ) {}

  get complete(): boolean {
    return this.pending === 0;
  }

  /** Resolves when everything queued so far has been scanned. */
  whenDone(): Promise<void> {
    return this.done;
  }

  scan(root: Element): Promise<void> {
    const blocks = collectTextBlocks(root);
    this.pending += blocks.length;
    let next = 0;
    this.done = new Promise<void>((resolve) => {
      const step = (deadline: { timeRemaining(): number; didTimeout: boolean }) => {
        do {
          const block = blocks[next++];
          if (!block) break;
          this.scanBlock(block);
          this.pending--;
        } while (deadline.timeRemaining() > IDLE_SAFETY_MS);
        if (next < blocks.length) this.schedule(step);
        else resolve();
      };
      this.schedule(step);
    });
    return this.done;
  }

  private scanBlock(block: TextBlock): void {
    for (const match of this.matcher.find(block.text)) {
      const range = rangeFor(block, match.start, match.end);
      const mention: FoundMention = {
        range,
        entity: match.entity,
        surface: block.text.slice(match.start, match.end),
        ...(match.alternatives ? { alternatives: match.alternatives } : {}),
      };
      for (const segment of block.segments) {
        const nodeStart = segment.start;
        const nodeEnd = segment.start + segment.node.data.length;
        if (nodeEnd <= match.start || nodeStart >= match.end) continue;
        const list = this.byNode.get(segment.node);
        if (list) list.push(mention);
        else this.byNode.set(segment.node, [mention]);
      }
      this.counts.set(match.entity, (this.counts.get(match.entity) ?? 0) + 1);
      this.sink.add(this.index.types[match.entity]!, range);
    }
  }

  mentionsIn(node: Text): readonly FoundMention[] {
    return this.byNode.get(node) ?? [];
  }

  /** Entity id → number of mentions, most mentioned first. */
  summary(): { id: string; count: number }[] {
    return [...this.counts]
      .map(([entity, count]) => ({ id: this.index.ids[entity]!, count }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  }

  idOf(mention: FoundMention): string {
    return this.index.ids[mention.entity]!;
  }
}
