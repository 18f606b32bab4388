/**
 * npm run bench:page — what the extension costs a real page: the built extension in Chromium on a generated
 * ~400,000-character news page, against the same page without the extension. Reports the added main-thread time
 * (CDP Performance.getMetrics TaskDuration, with minus without, median of RUNS), the longest task (overall, and of
 * those running the extension's code, from a trace), and the time from navigation to the last highlight registered.
 *
 * A third browser loads the same extension with an empty content script and no CSS: what the browser spends on any
 * extension that injects a script, which no code of ours can remove. "With minus empty" is what our code costs.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import type { NameIndex } from '../../lib/data/bundle';
import { BROWSER_ARGS, EXTENSION_DIR, findChromium, launchWithExtension, VIEWPORT } from '../browser/launch';
import { MARK_TIMING_PROBE } from '../browser/page-probes';
import { unpackEntries } from '../../lib/match/packed-trie';
import { newsText } from './corpus';

/**
 * Rounds of loads: each round loads the page once in each browser, back to back, under the same machine load, in an
 * order that rotates from round to round, so that whatever a load gains or loses from its place in the round is
 * not charged to one browser.
 */
const RUNS = 9;
const PAGE_CHARS = 400_000;
/** After load, wait this long for the extension's idle-time scan before reading the metrics (same for both). */
const SETTLE_MS = 4000;

const index = JSON.parse(readFileSync(new URL('../../generated/name-index.json', import.meta.url), 'utf8')) as NameIndex;
const names = [...new Set(unpackEntries(index.trie).filter((n) => n[1] >= 0 && n[3] === '').map((n) => n[0]))].filter((n) => /\p{Script=Han}/u.test(n));
const text = newsText(names, PAGE_CHARS, 29);
const paragraphs: string[] = [];
for (let i = 0; i < text.length; i += 400) paragraphs.push(`<p>${text.slice(i, i + 400).replace(/[&<]/g, ' ')}</p>`);
const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bench</title></head><body><article>${paragraphs.join('\n')}</article></body></html>`;

const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const address = server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;

async function measure(context: BrowserContext) {
  const page = await context.newPage();
  await page.addInitScript(MARK_TIMING_PROBE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const task = metrics.find((m) => m.name === 'TaskDuration')!.value * 1000;
  const probe = await page.evaluate(() => ({
    longest: (window as unknown as { __longest: number }).__longest,
    last: (window as unknown as { __lastHighlight: number }).__lastHighlight,
    highlights: (window as unknown as { __highlights?: number }).__highlights ?? 0,
  }));
  await page.close();
  return { task, ...probe };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: unknown;
}

/**
 * The main-thread tasks that run the extension's code, from a trace of one load: tasks evaluating or calling into
 * the content script (its chrome-extension:// URL), or running its promise continuations (the bench page has no
 * script of its own). Their longest (the overall longest task is the page's own first layout, which hides ours),
 * and their sum: a steadier figure than the TaskDuration difference, though it leaves out the style and paint
 * work that the marks cause.
 */
async function ownTasks(context: BrowserContext): Promise<{ longest: number; total: number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  const ours = (e: TraceEvent) =>
    e.name === 'RunMicrotasks' ||
    e.name === 'RunYieldContinuation' ||
    ((e.name === 'EvaluateScript' || e.name === 'FunctionCall') && JSON.stringify(e.args ?? {}).includes('chrome-extension://'));
  const marks = events.filter((e) => e.ph === 'X' && ours(e));
  let longest = 0;
  let total = 0;
  for (const task of events) {
    if (task.name !== 'RunTask' || task.ph !== 'X' || !task.dur) continue;
    const end = task.ts + task.dur;
    if (!marks.some((m) => m.tid === task.tid && m.ts >= task.ts && m.ts < end)) continue;
    longest = Math.max(longest, task.dur / 1000);
    total += task.dur / 1000;
  }
  return { longest, total };
}

/** The built extension with its content script emptied and its CSS dropped. */
function emptyContentScriptCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ai-atlas-empty-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { content_scripts: Array<{ js: string[]; css?: string[] }> };
  for (const script of manifest.content_scripts) {
    delete script.css;
    for (const file of script.js) writeFileSync(join(dir, file), '');
  }
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

const withExt = await launchWithExtension();
const emptyDir = emptyContentScriptCopy();
const emptyExt = await launchWithExtension({ extensionDir: emptyDir });
const profile = mkdtempSync(join(tmpdir(), 'ai-atlas-bench-'));
const without = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), headless: true, viewport: VIEWPORT, args: BROWSER_ARGS });
const browsers = [withExt.context, emptyExt.context, without];
const loads: Awaited<ReturnType<typeof measure>>[][] = [[], [], []];
for (const context of browsers) await measure(context); // warm each browser (service worker, caches)
for (let r = 0; r < RUNS; r++) {
  for (let k = 0; k < browsers.length; k++) {
    const which = (r + k) % browsers.length;
    loads[which]!.push(await measure(browsers[which]!));
  }
}
const [a, e, b] = loads as [typeof loads[0], typeof loads[0], typeof loads[0]];
/** Traced loads for the extension's own tasks: one varied by half from load to load on this VM. */
const TRACED_LOADS = 5;
const traced: Awaited<ReturnType<typeof ownTasks>>[] = [];
for (let t = 0; t < TRACED_LOADS; t++) traced.push(await ownTasks(withExt.context));
const own = { longest: Math.max(...traced.map((x) => x.longest)), total: median(traced.map((x) => x.total)) };
await withExt.close();
await emptyExt.close();
await without.close();
rmSync(profile, { recursive: true, force: true });
rmSync(emptyDir, { recursive: true, force: true });
server.close();

// The median of the paired differences: this VM's speed drifts by more than the extension costs, and each pair
// is measured under the same drift.
const pairs = a.map((x, i) => x.task - b[i]!.task);
const added = median(pairs);
const overEmpty = a.map((x, i) => x.task - e[i]!.task);
const addedOverEmpty = median(overEmpty);
const emptyCost = median(e.map((x, i) => x.task - b[i]!.task));
const longestWith = median(a.map((x) => x.longest));
const longestWithout = median(b.map((x) => x.longest));
const toHighlights = median(a.map((x) => x.last));
console.log(`page: ${text.length.toLocaleString()} characters in ${paragraphs.length} paragraphs; ${a[0]!.highlights} highlighted mentions`);
console.log(
  `main-thread TaskDuration: with ${median(a.map((x) => x.task)).toFixed(0)} ms, without ${median(b.map((x) => x.task)).toFixed(0)} ms; ` +
    `added, median of ${RUNS} pairs: ${added.toFixed(0)} ms (pairs: ${pairs.map((p) => p.toFixed(0)).join(', ')})`,
);
console.log(
  `of which an empty content script costs ${emptyCost.toFixed(0)} ms; our code, over the empty script: ${addedOverEmpty.toFixed(0)} ms ` +
    `(pairs: ${overEmpty.map((p) => p.toFixed(0)).join(', ')})`,
);
console.log(`longest task: with ${longestWith.toFixed(0)} ms, without ${longestWithout.toFixed(0)} ms`);
console.log(
  `tasks running the extension's code (${TRACED_LOADS} traced loads): longest of all ${own.longest.toFixed(0)} ms; together, median ` +
    `${own.total.toFixed(0)} ms (${traced.map((x) => x.total.toFixed(0)).join(', ')})`,
);
console.log(`navigation → last highlight registered: ${toHighlights.toFixed(0)} ms`);
console.log(JSON.stringify({ added_main_thread_ms: Math.round(added), added_over_empty_content_script_ms: Math.round(addedOverEmpty), empty_content_script_ms: Math.round(emptyCost), longest_task_ms: Math.round(longestWith), longest_task_without_ms: Math.round(longestWithout), extension_longest_task_ms: Math.round(own.longest), extension_tasks_ms: Math.round(own.total), time_to_highlights_ms: Math.round(toHighlights), mentions: a[0]!.highlights }));
