/**
 * Collect a page's visible text as blocks: the text of one block element, assembled from its text nodes, with
 * the map back to those nodes. Names split across inline elements (苏<b>州</b>) are found; nothing is matched
 * across block boundaries.
 */

/** Elements whose text is never read: code, form fields, and anything that isn't rendered text. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'SVG', 'MATH',
  'CANVAS', 'IFRAME', 'OBJECT', 'HEAD', 'TITLE',
]);

/** Elements that end a run of text. Tag-based so that scanning never forces style or layout. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'HTML', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT',
  'TH', 'THEAD', 'TR', 'UL',
]);

export interface TextSegment {
  node: Text;
  /** Offset of this node's first character in the block's text. */
  start: number;
}

export interface TextBlock {
  element: Element;
  text: string;
  segments: TextSegment[];
}

/** An element the extension itself put on the page (the card host) is marked with this attribute. */
export const OWN_UI_ATTRIBUTE = 'data-ai-atlas-ui';

function isSkipped(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName.toUpperCase())) return true;
  if (element.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  return isEditable(element);
}

const EDITABLE_VALUES = new Set(['', 'true', 'plaintext-only']);

/** An editing host; the attribute check covers DOMs without isContentEditable (jsdom). */
function isEditable(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  if (value !== null) return EDITABLE_VALUES.has(value.toLowerCase());
  return (element as HTMLElement).isContentEditable === true;
}

/** True when a node sits inside something the scanner never reads (a form field, an editor, our own UI). */
export function isInsideSkipped(node: Node, root: Element): boolean {
  for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkipped(el)) return true;
    if (el === root) break;
  }
  return false;
}

/** The nearest block element that contains a node (the unit that is rescanned when the node changes). */
export function closestBlock(node: Node, root: Element): Element {
  const start = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (start && BLOCK_TAGS.has(start.tagName.toUpperCase())) return start;
  return start ? blockOf(start, root) : root;
}

function blockOf(node: Node, root: Element): Element {
  let element = node.parentElement;
  while (element && element !== root && !BLOCK_TAGS.has(element.tagName.toUpperCase())) {
    element = element.parentElement;
  }
  return element ?? root;
}

/** Any non-whitespace character (a test that, unlike trim(), copies nothing). */
const NON_SPACE = /\S/;

/**
 * Reads a subtree's text blocks one at a time, in document order, so a long page can be read in idle-time slices.
 *
 * Between calls the page may change. A walk whose place was removed from the document starts again from the top
 * and passes over every text node it already handed out, so nothing is lost and nothing is read twice. (Text that
 * changed behind the walk is the caller's to rescan: its mutation observer reports it.)
 */
export class TextBlockWalker {
  private walker: TreeWalker;
  /** The block being assembled: it is complete only when a node of another block (or the end) is reached. */
  private current: TextBlock | undefined;
  private previous: Text | undefined;
  /** Text nodes of the blocks already handed out: a restarted walk (or one whose place moved) skips them. */
  private readonly given = new WeakSet<Text>();
  done = false;

  constructor(private readonly root: Element) {
    this.walker = this.makeWalker();
  }

  private makeWalker(): TreeWalker {
    return this.root.ownerDocument.createTreeWalker(this.root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        if (node.nodeType === Node.ELEMENT_NODE) {
          return isSkipped(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
        }
        return NON_SPACE.test((node as Text).data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      },
    });
  }

  /**
   * Where the walk stands: every text node before this one (in document order, outside it) has been handed out or
   * passed over; the page's text from here on is still to be read.
   */
  get position(): Node {
    return this.walker.currentNode;
  }

  /** The next complete block, or undefined when the walk is over. */
  next(): TextBlock | undefined {
    if (this.done) return undefined;
    if (!this.walker.currentNode.isConnected) {
      // Our place was removed: start again from the top, and drop the half-read block (its nodes may be gone).
      this.walker = this.makeWalker();
      this.current = undefined;
      this.previous = undefined;
    } else if (this.current) {
      // The half-read block was assembled before the page last had a turn: read its nodes' text afresh.
      this.current = reassemble(this.current);
    }
    for (let node = this.walker.nextNode(); node; node = this.walker.nextNode()) {
      const text = node as Text;
      if (this.given.has(text)) continue;
      const block = blockOf(text, this.root);
      let finished: TextBlock | undefined;
      if (!this.current || this.current.element !== block || separatedByBlock(this.previous, text, block)) {
        finished = this.current;
        this.current = { element: block, text: '', segments: [] };
      }
      this.current.segments.push({ node: text, start: this.current.text.length });
      this.current.text += text.data;
      this.previous = text;
      if (finished) return this.give(finished);
    }
    this.done = true;
    const last = this.current;
    this.current = undefined;
    return last && this.give(last);
  }

  private give(block: TextBlock): TextBlock {
    for (const segment of block.segments) this.given.add(segment.node);
    return block;
  }
}

/** A block's text read again from its (still connected) nodes. */
function reassemble(block: TextBlock): TextBlock {
  const fresh: TextBlock = { element: block.element, text: '', segments: [] };
  for (const { node } of block.segments) {
    if (!node.isConnected) continue;
    fresh.segments.push({ node, start: fresh.text.length });
    fresh.text += node.data;
  }
  return fresh;
}

export function collectTextBlocks(root: Element): TextBlock[] {
  const walker = new TextBlockWalker(root);
  const blocks: TextBlock[] = [];
  for (let block = walker.next(); block; block = walker.next()) blocks.push(block);
  return blocks;
}

/**
 * Two text nodes with the same nearest block can still be separated by a nested block or a <br> between them
 * (text, <div>…</div>, text): they must not be joined.
 */
function separatedByBlock(previous: Text | undefined, next: Text, block: Element): boolean {
  if (!previous) return false;
  let a: Node | null = previous;
  while (a && a.parentNode !== block && a !== block) a = a.parentNode;
  let b: Node | null = next;
  while (b && b.parentNode !== block && b !== block) b = b.parentNode;
  if (!a || !b || a === b) return false;
  for (let n = a.nextSibling; n && n !== b; n = n.nextSibling) {
    if (n.nodeType === Node.ELEMENT_NODE) {
      const tag = (n as Element).tagName.toUpperCase();
      if (tag === 'BR' || BLOCK_TAGS.has(tag)) return true;
    }
  }
  return false;
}

/** The DOM position of a block-text offset. `preferEnd` puts a boundary offset at the end of the earlier node. */
export function positionAt(block: TextBlock, offset: number, preferEnd: boolean): { node: Text; offset: number } {
  const segments = block.segments;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = segments[mid]!;
    if (s.start < offset || (!preferEnd && s.start === offset)) lo = mid;
    else hi = mid - 1;
  }
  const segment = segments[lo]!;
  // Clamped: a node edited since the scan (its rescan is queued) must not make a range throw.
  return { node: segment.node, offset: Math.min(offset - segment.start, segment.node.length) };
}

export function rangeFor(block: TextBlock, start: number, end: number): Range {
  const from = positionAt(block, start, false);
  const to = positionAt(block, end, true);
  const range = block.element.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
