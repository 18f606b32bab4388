import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../../scripts/browser/demo-server';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/browser/launch';
import { messageTab, openFactSheet } from '../../scripts/browser/demo-session';
import { activeTabId, pointAtMention, waitForHighlights } from '../../scripts/browser/page-probes';

let server: DemoServer;
let browser: ExtensionBrowser;
let page: Page;
const QUOTE = '常熟的纺织质检、吴中区的机器人集群';

/** Select `text` inside `selector` in the page, as a reader's drag would. */
async function select(p: Page, selector: string, text: string) {
  await p.evaluate(
    ({ selector, text }) => {
      const el = document.querySelector(selector)!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let full = '';
      const nodes: { node: Text; start: number }[] = [];
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        nodes.push({ node: n, start: full.length });
        full += n.data;
      }
      const at = full.indexOf(text);
      const pos = (o: number) => {
        const seg = [...nodes].reverse().find((s) => s.start <= o)!;
        return [seg.node, o - seg.start] as const;
      };
      const range = document.createRange();
      range.setStart(...pos(at));
      range.setEnd(...pos(at + text.length));
      const sel = getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    },
    { selector, text },
  );
}

/** The popup's fact sheet for the demo tab, and its "clippings of this page" item. */
async function pageClippingInPopup() {
  const popup = await openFactSheet(browser, page);
  const item = popup.locator('[data-testid="page-clipping"]');
  await item.waitFor();
  return { popup, item };
}

const clippingMarks = (p: Page) =>
  p.evaluate(() => [...((CSS.highlights.get('ai-atlas-clipping') as unknown as Iterable<Range>) ?? [])].map((r) => r.toString()));

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.goto(server.url);
  await waitForHighlights(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('clippings', () => {
  it('saves a selected passage with a note, and marks it again after a reload', async () => {
    await select(page, '#p-parks', QUOTE);
    await page.locator('[data-testid="clip-button"]').click();
    const editor = page.locator('[data-testid="clip-editor"]');
    await editor.waitFor();
    // The entities inside the quote are attached automatically.
    const chips = await editor.locator('[data-entity-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-entity-id')));
    expect(chips).toEqual(expect.arrayContaining(['place-320581', 'place-320506']));
    await page.locator('[data-testid="clipping-note"]').fill('两个“以用促研”的例子');
    await page.locator('[data-testid="clipping-tags"]').fill('suzhou, manufacturing');
    await page.locator('[data-testid="save-clipping"]').click();
    await editor.waitFor({ state: 'hidden' });
    expect(await clippingMarks(page)).toEqual([QUOTE]);
    await page.reload();
    await page.waitForFunction(() => (CSS.highlights.get('ai-atlas-clipping')?.size ?? 0) === 1);
    expect(await clippingMarks(page)).toEqual([QUOTE]);
  });

  it('opens the editor from the keyboard command / context menu on the current selection', async () => {
    await page.bringToFront();
    await select(page, '#p-industry', '天准科技做工业视觉检测');
    const tabId = await activeTabId(browser.serviceWorker);
    // What the background sends for Alt+Shift+S and for the "Save to AI Atlas" menu item.
    await messageTab(browser, tabId, { type: 'page/command', command: 'save-clipping' });
    const editor = page.locator('[data-testid="clip-editor"]');
    await editor.waitFor();
    expect(await editor.locator('.clip-quote').innerText()).toBe('天准科技做工业视觉检测');
    expect(await editor.locator('[data-entity-id="company-tztek"]').count()).toBe(1);
    await editor.locator('button:not([type=submit])').click();
    await editor.waitFor({ state: 'hidden' });
  });

  it('saves the sentence around a name from the card’s “save a clipping” action', async () => {
    await page.bringToFront();
    const point = await pointAtMention(page, '百图生科', '#p-parks');
    await page.mouse.move(point.x, point.y, { steps: 3 });
    const card = page.locator('[data-testid="entity-card"][data-entity-id="company-biomap"]');
    await card.waitFor();
    await card.locator('[data-action="save-clipping"]').click();
    const editor = page.locator('[data-testid="clip-editor"]');
    await editor.waitFor();
    const quote = await editor.locator('.clip-quote').innerText();
    expect(quote).toContain('百图生科便是常被提到的例子');
    expect(quote.endsWith('；')).toBe(true);
    expect(await editor.locator('[data-entity-id="company-biomap"]').count()).toBe(1);
    await editor.locator('button:not([type=submit])').click();
    await editor.waitFor({ state: 'hidden' });
  });

  it('lists it in the popup and on the clippings page; edits, deletes and undoes', async () => {
    const { popup, item } = await pageClippingInPopup();
    expect(await item.getAttribute('data-found')).toBe('true');
    await popup.close();

    const list = await browser.context.newPage();
    await list.goto(`chrome-extension://${browser.extensionId}/clippings.html`);
    const row = list.locator('[data-testid="clipping"]');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.first().innerText()).toContain('两个“以用促研”的例子');
    await list.locator('[data-testid="clippings-search"]').fill('不存在的词');
    await list.waitForFunction(() => document.querySelectorAll('[data-testid="clipping"]').length === 0);
    await list.locator('[data-testid="clippings-search"]').fill('以用促研');
    await row.first().waitFor();
    await list.locator('[data-testid="filter-tag"]').selectOption('manufacturing');
    expect(await row.count()).toBe(1);
    await list.locator('[data-testid="clippings-search"]').fill('');
    await row.first().locator('[data-testid="edit-clipping"]').click();
    await row.first().locator('[data-testid="edit-note"]').fill('改过的笔记');
    await row.first().locator('[data-testid="save-edit"]').click();
    await list.waitForFunction(() => document.querySelector('[data-testid="clipping"]')?.textContent?.includes('改过的笔记'));
    await row.first().locator('[data-testid="delete-clipping"]').click();
    await list.waitForFunction(() => document.querySelectorAll('[data-testid="clipping"]').length === 0);
    await list.locator('[data-testid="undo"]').click();
    await row.first().waitFor();
    expect(await row.first().innerText()).toContain('改过的笔记');
    // Open the page it came from: the clipping is found and scrolled into view.
    const [source] = await Promise.all([browser.context.waitForEvent('page'), row.first().locator('[data-testid="open-source"]').click()]);
    await source.waitForFunction(() => {
      const h = CSS.highlights.get('ai-atlas-clipping');
      if (!h || h.size !== 1) return false;
      const [range] = h as unknown as Iterable<Range>;
      const rect = range!.getBoundingClientRect();
      return rect.top >= 0 && rect.bottom <= innerHeight && scrollY > 0;
    });
    await source.close();
    await list.close();
  });

  it('exports JSON and imports it back after a wipe; a malformed file changes nothing', async () => {
    const list = await browser.context.newPage();
    await list.goto(`chrome-extension://${browser.extensionId}/clippings.html`);
    await list.locator('[data-testid="clipping"]').first().waitFor();
    const [download] = await Promise.all([list.waitForEvent('download'), list.locator('[data-testid="export-json"]').click()]);
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(exported).clippings).toHaveLength(1);
    const [ld] = await Promise.all([list.waitForEvent('download'), list.locator('[data-testid="export-jsonld"]').click()]);
    expect(JSON.parse(readFileSync((await ld.path())!, 'utf8')).items[0].type).toBe('Annotation');

    await list.evaluate(async () => {
      const req = indexedDB.open('ai-atlas');
      await new Promise<void>((resolve) => {
        req.onsuccess = () => {
          const tx = req.result.transaction('clippings', 'readwrite');
          tx.objectStore('clippings').clear();
          tx.oncomplete = () => resolve();
        };
      });
    });
    await list.reload();
    await list.waitForFunction(() => document.querySelector('[data-testid="clippings-count"]')?.textContent?.includes('0'));
    const input = list.locator('[data-testid="import-file"]');
    await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"ai-atlas-clippings","clippings":[{"id":"x"}]}') });
    await list.locator('[data-testid="clippings-message"]').waitFor();
    expect(await list.locator('[data-testid="clippings-message"]').innerText()).toMatch(/Nothing imported: Clipping 1: item\./);
    expect(await list.locator('[data-testid="clipping"]').count()).toBe(0);
    await input.setInputFiles({ name: 'back.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await list.locator('[data-testid="clipping"]').first().waitFor();
    expect(await list.locator('[data-testid="clippings-message"]').innerText()).toMatch(/Imported 1 clippings \(1 new\)/);
    await list.close();
  });

  it('re-anchors a clipping after the page changed, and lists one whose text is gone as not found', async () => {
    const original = readFileSync(new URL('../../data/demo/index.html', import.meta.url), 'utf8');
    // Same URL, edited text: a sentence inserted before the passage.
    await page.route(server.url, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: original.replace('园区是落地的抓手。', '新增一句导语。园区是落地的抓手。') }),
    );
    await page.reload();
    await page.waitForFunction(() => (CSS.highlights.get('ai-atlas-clipping')?.size ?? 0) === 1);
    expect(await clippingMarks(page)).toEqual([QUOTE]);
    await page.route(server.url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: original.replace(/常熟的纺织质检、吴中区的机器人集群，/, '') }));
    await page.reload();
    await waitForHighlights(page);
    const { popup, item } = await pageClippingInPopup();
    expect(await item.getAttribute('data-found')).toBe('false');
    expect(await item.innerText()).toMatch(/not found on this page/);
    await popup.close();
    await page.unroute(server.url);
  });
});
