/** How often the probe reads the highlight registry: fine enough for a time to marks, cheap enough to be noise. */
const PROBE_INTERVAL_MS = 20;
/** The probe stops after this long, so the page is left idle (benchmarks measure its main thread afterwards). */
const PROBE_DURATION_MS = 3500;

/**
 * Installed before any page script (as a string: functions compiled by tsx carry helper calls the page lacks).
 * Records the longest task, and when the extension's highlights last changed (navigation → all marks registered).
 * It polls with a timer, not requestAnimationFrame: a rAF loop makes the page render a frame on every vsync, and
 * that work (which the extension's observers make dearer) would be charged to the extension.
 */
export const MARK_TIMING_PROBE = `
  window.__longest = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
    .observe({ type: 'longtask', buffered: true });
  window.__lastHighlight = 0; window.__highlights = 0;
  const poll = setInterval(() => {
    let n = 0;
    if (window.CSS && CSS.highlights) for (const [k, h] of CSS.highlights) if (k.startsWith('ai-atlas')) n += h.size;
    if (n !== window.__highlights) { window.__highlights = n; window.__lastHighlight = performance.now(); }
    if (performance.now() > ${PROBE_DURATION_MS}) clearInterval(poll);
  }, ${PROBE_INTERVAL_MS});
`;

import type { Page } from 'playwright-core';

/** Text and viewport centre of every range in this extension's highlights, read from the page's main world. */
export async function highlightedMentions(page: Page) {
  return page.evaluate(() => {
    const out: { name: string; text: string; x: number; y: number; insideNotes: boolean }[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('ai-atlas')) continue;
      for (const range of highlight as unknown as Iterable<Range>) {
        const rect = range.getBoundingClientRect();
        const container = range.startContainer.parentElement;
        out.push({
          name,
          text: range.toString(),
          x: rect.left + rect.width / 2,
          y: rect.top + rect.height / 2,
          insideNotes: !!container?.closest('#notes'),
        });
      }
    }
    return out;
  });
}

export async function waitForHighlights(page: Page, timeout = 15_000) {
  await page.waitForFunction(
    () => [...CSS.highlights.keys()].some((k) => k.startsWith('ai-atlas') && (CSS.highlights.get(k)?.size ?? 0) > 0),
    undefined,
    { timeout },
  );
}

/** Scroll a mention with this exact text into view and return its centre. */
export async function pointAtMention(page: Page, text: string, within = 'body') {
  const point = await page.evaluate(
    ({ text, within }) => {
      const scope = document.querySelector(within);
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('ai-atlas') || name === 'ai-atlas-active') continue;
        for (const range of highlight as unknown as Iterable<Range>) {
          if (range.toString() !== text || !scope?.contains(range.startContainer)) continue;
          range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          const rect = range.getClientRects()[0]!;
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
      return null;
    },
    { text, within },
  );
  if (!point) throw new Error(`no highlighted mention "${text}" in ${within}`);
  return point;
}

/** The id of the tab a page is in, asked from the service worker while that page is the active tab. */
export async function activeTabId(serviceWorker: { evaluate<R>(fn: () => R | Promise<R>): Promise<R> }): Promise<number> {
  return serviceWorker.evaluate(async () => {
    // Runs in the service worker, where `chrome` is the extension API.
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return tab!.id!;
  });
}
