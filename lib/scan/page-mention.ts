import { rangeFor, type TextBlock } from '../dom/text-blocks';

/** Something that can give a DOM range when asked (mentions make theirs on first use). */
export interface RangeSource {
  readonly range: Range;
}

/** A mention found on the page. */
export interface FoundMention extends RangeSource {
  readonly entity: number;
  readonly alternatives?: number[];
  readonly surface: string;
  readonly block: Element;
  /** The text nodes the mention spans (usually one). */
  readonly nodes: readonly Text[];
}

/**
 * A mention's live Range is made on first use (painting near the viewport, hover, navigation). A long page has
 * thousands of mentions far from the reader: making their ranges up front cost more than matching the text, and
 * every live range also slows the page's own DOM edits.
 */
export class PageMention implements FoundMention {
  private made: Range | undefined;

  constructor(
    private readonly text: TextBlock,
    private readonly start: number,
    private readonly end: number,
    readonly entity: number,
    readonly alternatives: number[] | undefined,
    readonly nodes: readonly Text[],
  ) {}

  get block(): Element {
    return this.text.element;
  }

  get surface(): string {
    return this.text.text.slice(this.start, this.end);
  }

  get range(): Range {
    return (this.made ??= rangeFor(this.text, this.start, this.end));
  }
}
