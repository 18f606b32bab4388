/** Past this many on-screen blocks the rest can wait their turn: a screen never holds more. */
const MAX_VISIBLE_BLOCKS = 200;

/**
 * The blocks on screen, as indexes [from, to) into `elements` (in document order). Blocks in document order run
 * down the page, so a binary search finds the first one on screen with O(log n) layout reads instead of one per
 * block. Only an ordering hint: odd layouts (columns, fixed boxes) at worst scan some visible text a little later.
 */
export function visibleSpan(elements: readonly Element[]): [from: number, to: number] {
  const first = elements[0];
  if (!first) return [0, 0];
  const height = first.ownerDocument.defaultView?.innerHeight ?? 0;
  let lo = 0;
  let hi = elements.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (elements[mid]!.getBoundingClientRect().bottom <= 0) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < elements.length && to - lo < MAX_VISIBLE_BLOCKS && elements[to]!.getBoundingClientRect().top < height) to++;
  return [lo, to];
}
