/**
 * npm start: the built extension in Chromium on the bundled demo article, served on 127.0.0.1.
 * With no display (or `npm start -- --headless`) it prints what it found and saves a screenshot of a hover card.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startDemoServer } from './browser/demo-server';
import { launchWithExtension } from './browser/launch';
import { openFactSheet } from './browser/demo-session';
import { MARK_TIMING_PROBE, pointAtMention, waitForHighlights } from './browser/page-probes';

/** The mention the headless run hovers for its screenshot: the seed article's favourite subject. */
const SCREENSHOT_MENTION = { text: '苏州工业园区', within: '#p-parks' };
const SCREENSHOT_PATH = resolve('.output/screenshots/hover-card.png');

const args = process.argv.slice(2);
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const headless = args.includes('--headless') || noDisplay;

const server = await startDemoServer();
const browser = await launchWithExtension({ headless });
// A fresh tab (init scripts do not reach the profile's first, already-open tab); the blank one is closed.
const blank = browser.context.pages();
const page = await browser.context.newPage();
for (const p of blank) await p.close();
await page.addInitScript(MARK_TIMING_PROBE);
await page.goto(server.url);
console.log(`Demo page: ${server.url}  (extension id ${browser.extensionId})`);

if (!headless) {
  console.log('Chromium is open with AI Atlas loaded. Hover a marked name; click the toolbar icon for the fact sheet.');
  console.log('Press Ctrl+C to quit.');
  const stop = async () => {
    await browser.close().catch(() => undefined);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  browser.context.on('close', stop);
} else {
  if (noDisplay && !args.includes('--headless')) console.log('No display found: running headless.');
  await waitForHighlights(page);
  const popup = await openFactSheet(browser, page);
  await popup.waitForFunction(() => {
    const summary = document.querySelector('[data-testid="page-summary"]')?.textContent ?? '';
    return summary && !summary.includes('still');
  });
  const groups = await popup.locator('[data-testid="page-entities"] section').evaluateAll((sections) =>
    sections.map((s) => ({
      title: s.querySelector('h2')?.textContent ?? '',
      items: [...s.querySelectorAll('[data-entity-id]')].map((li) => ({
        id: li.getAttribute('data-entity-id'),
        name: li.querySelector('.name')?.textContent ?? '',
        en: li.querySelector('.en')?.textContent ?? '',
        count: li.querySelector('.count')?.textContent ?? '',
      })),
    })),
  );
  const summary = await popup.locator('[data-testid="page-summary"]').innerText();
  const marked = await page.evaluate(() => (window as unknown as { __lastHighlight: number }).__lastHighlight);
  const loadMs = await browser.serviceWorker.evaluate(
    () =>
      new Promise<unknown>((resolve) => {
        const req = indexedDB.open('ai-atlas');
        req.onsuccess = () => {
          const get = req.result.transaction('meta').objectStore('meta').get('lastLoadMs');
          get.onsuccess = () => resolve((get.result as { value?: unknown } | undefined)?.value);
          get.onerror = () => resolve(undefined);
        };
        req.onerror = () => resolve(undefined);
      }),
  );
  console.log(`\nFound on the page (${summary}; all marks registered ${Math.round(marked)} ms after navigation; ` +
    `dataset loaded into IndexedDB in ${String(loadMs)} ms):`);
  for (const group of groups) {
    console.log(`\n  ${group.title}`);
    for (const item of group.items) console.log(`    ${item.count.padStart(3)} × ${item.name}  ${item.en}  [${item.id}]`);
  }
  await popup.close();

  const point = await pointAtMention(page, SCREENSHOT_MENTION.text, SCREENSHOT_MENTION.within);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  await page.locator('[data-testid="entity-card"]').waitFor({ state: 'visible' });
  mkdirSync(join(SCREENSHOT_PATH, '..'), { recursive: true });
  await page.screenshot({ path: SCREENSHOT_PATH });
  console.log(`\nScreenshot of the hover card on ${SCREENSHOT_MENTION.text}: ${SCREENSHOT_PATH}`);
  await browser.close();
  await server.close();
}
