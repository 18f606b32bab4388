import type { EntityType } from '../data/schema';
import type { RangeSource } from '../scan/page-mention';
import type { HighlightRegistry } from './registry';

/**
 * How far beyond the viewport marks are kept registered: one screen above and below, so scrolling never shows
 * unmarked text, while a long page's thousands of mentions never all sit in CSS.highlights at once (painting
 * them is what costs: ~0.05 ms of main thread per registered range, measured with npm run bench:page).
 */
export const HIGHLIGHT_ROOT_MARGIN = '100% 0px';

interface Mark {
  type: EntityType;
  /** Asked for its range only when the block comes near the viewport. */
  source: RangeSource;
}

/**
 * Registers a block's marks only while the block is near the viewport. Every mention stays known to the scanner
 * (counts, hit-testing); only the painting is lazy.
 */
export class LazyHighlighter {
  private readonly marks = new Map<Element, Mark[]>();
  private readonly near = new Set<Element>();
  private readonly observer: IntersectionObserver;
  /** Types the reader chose not to mark: known and hoverable, but not painted. */
  private hidden = new Set<EntityType>();

  constructor(private readonly registry: HighlightRegistry) {
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: HIGHLIGHT_ROOT_MARGIN });
  }

  add(type: EntityType, source: RangeSource, block: Element): void {
    let list = this.marks.get(block);
    if (!list) {
      list = [];
      this.marks.set(block, list);
      this.observer.observe(block);
    }
    list.push({ type, source });
    if (this.near.has(block) && !this.hidden.has(type)) this.registry.add(type, source.range);
  }

  /** Change which types are painted; marks near the viewport update at once. */
  setHiddenTypes(types: Iterable<EntityType>): void {
    this.hidden = new Set(types);
    for (const block of this.near) {
      for (const m of this.marks.get(block) ?? []) {
        if (this.hidden.has(m.type)) this.registry.remove(m.type, m.source.range);
        else this.registry.add(m.type, m.source.range);
      }
    }
  }

  remove(type: EntityType, source: RangeSource, block: Element): void {
    // Only blocks near the viewport have registered ranges; far ones may never have made theirs.
    if (this.near.has(block)) this.registry.remove(type, source.range);
    const list = this.marks.get(block);
    if (!list) return;
    const i = list.findIndex((m) => m.source === source);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) {
      this.marks.delete(block);
      this.near.delete(block);
      this.observer.unobserve(block);
    }
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const list = this.marks.get(entry.target);
      if (!list) continue;
      if (entry.isIntersecting) {
        this.near.add(entry.target);
        for (const m of list) if (!this.hidden.has(m.type)) this.registry.add(m.type, m.source.range);
      } else if (this.near.delete(entry.target)) {
        // Only a block that was near has registered ranges (the first report lists every far block too).
        for (const m of list) this.registry.remove(m.type, m.source.range);
      }
    }
  }
}
