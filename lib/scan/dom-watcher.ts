/** Rescan this long after the last change: infinite scroll and live tickers change the page in bursts. */
export const MUTATION_SETTLE_MS = 150;
/** ...but never wait longer than this while a page keeps changing (a ticker that never stops). */
export const MUTATION_MAX_WAIT_MS = 1000;

export interface DomChanges {
  /** Added or edited nodes, and parents that lost children. */
  nodes: Node[];
  /** The URL changed since the last batch (SPA navigation): rescan everything. */
  navigated: boolean;
}

/**
 * Batches DOM mutations under `root` (and URL changes) into one callback per burst. Our own UI lives outside
 * `root` (the card host hangs off <html>) and in shadow roots, so it never triggers a rescan.
 */
export function watchDom(root: Element, onChanges: (changes: DomChanges) => void, location: Location = window.location): () => void {
  let pending = new Set<Node>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPendingAt = 0;
  let lastHref = location.href;

  const flush = () => {
    timer = undefined;
    const nodes = [...pending];
    pending = new Set();
    const navigated = location.href !== lastHref;
    lastHref = location.href;
    if (nodes.length || navigated) onChanges({ nodes, navigated });
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') pending.add(record.target);
      else {
        record.addedNodes.forEach((n) => pending.add(n));
        if (record.removedNodes.length) pending.add(record.target);
      }
    }
    const now = Date.now();
    if (!timer) firstPendingAt = now;
    else clearTimeout(timer);
    const wait = Math.min(MUTATION_SETTLE_MS, Math.max(0, firstPendingAt + MUTATION_MAX_WAIT_MS - now));
    timer = setTimeout(flush, wait);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return () => {
    observer.disconnect();
    if (timer) clearTimeout(timer);
  };
}
