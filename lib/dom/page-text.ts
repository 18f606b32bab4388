import { collectTextBlocks, positionAt, type TextBlock } from './text-blocks';

/** Blocks are joined with this in the page's text, so a quote never runs two paragraphs together. */
export const BLOCK_SEPARATOR = '\n';

/** The page's readable text as one string (the coordinate system of clippings), with the map back to the DOM. */
export interface PageText {
  text: string;
  blocks: { block: TextBlock; start: number }[];
}

export function readPageText(root: Element): PageText {
  const blocks: PageText['blocks'] = [];
  let text = '';
  for (const block of collectTextBlocks(root)) {
    if (text) text += BLOCK_SEPARATOR;
    blocks.push({ block, start: text.length });
    text += block.text;
  }
  return { text, blocks };
}

/** The page-text offset of a DOM position (a text node and offset, or an element and child index). */
export function offsetOf(pt: PageText, node: Node, offset: number): number | undefined {
  let target = node;
  let within = offset;
  if (node.nodeType !== Node.TEXT_NODE) {
    // An element boundary: use the nearest text node at or after it.
    const child = node.childNodes[offset] ?? null;
    const walker = node.ownerDocument!.createTreeWalker(child ?? node, NodeFilter.SHOW_TEXT);
    const first = child?.nodeType === Node.TEXT_NODE ? child : walker.nextNode();
    if (!first) return undefined;
    target = first;
    within = 0;
  }
  for (const { block, start } of pt.blocks) {
    for (const segment of block.segments) {
      if (segment.node === target) return start + segment.start + Math.min(within, segment.node.data.length);
    }
  }
  return undefined;
}

/** A DOM range for page-text offsets [start, end) (it may span blocks). */
export function rangeOf(pt: PageText, start: number, end: number): Range | undefined {
  const locate = (offset: number, preferEnd: boolean) => {
    let found: { block: TextBlock; local: number } | undefined;
    for (const { block, start: blockStart } of pt.blocks) {
      if (offset >= blockStart && offset <= blockStart + block.text.length) {
        found = { block, local: offset - blockStart };
        if (!preferEnd || offset < blockStart + block.text.length) break;
      }
    }
    return found ? positionAt(found.block, found.local, preferEnd) : undefined;
  };
  const from = locate(start, false);
  const to = locate(end, true);
  if (!from || !to) return undefined;
  const range = from.node.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
