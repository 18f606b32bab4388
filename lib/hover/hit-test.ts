import type { FoundMention } from '../scan/page-mention';

/** Slack around a glyph's box, so a pointer on the underline still counts as on the word. */
const HIT_SLOP_PX = 2;

interface CaretPoint {
  node: Node;
  offset: number;
}

/** The text position under a point, with whichever API this browser has (Firefox: position; Chrome: both). */
export function caretAt(doc: Document, x: number, y: number): CaretPoint | undefined {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : undefined;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : undefined;
  }
  return undefined;
}

export function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (
      x >= rect.left - HIT_SLOP_PX &&
      x <= rect.right + HIT_SLOP_PX &&
      y >= rect.top - HIT_SLOP_PX &&
      y <= rect.bottom + HIT_SLOP_PX
    ) {
      return true;
    }
  }
  return false;
}

/**
 * The mention under the pointer, if any. The caret API gives the nearest text position even in empty space,
 * so the mention's own boxes confirm the hit.
 */
export function mentionAtPoint(
  doc: Document,
  x: number,
  y: number,
  mentionsIn: (node: Text) => readonly FoundMention[],
): FoundMention | undefined {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  for (const mention of mentionsIn(caret.node as Text)) {
    if (rangeContainsPoint(mention.range, x, y)) return mention;
  }
  return undefined;
}
