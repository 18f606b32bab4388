import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../../scripts/browser/demo-server';
import { openFactSheet } from '../../scripts/browser/demo-session';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from '../../scripts/browser/launch';
import { highlightedMentions, pointAtMention, waitForHighlights } from '../../scripts/browser/page-probes';

interface BundleShape {
  version: string;
  entities: { id: string; facts: { source: { url: string } }[] }[];
}
const bundle = JSON.parse(readFileSync(join(EXTENSION_DIR, 'data/dataset.json'), 'utf8')) as BundleShape;

/** Entities the demo article is written to mention (data/demo/index.html). */
const DEMO_ENTITIES = [
  'place-320500', 'place-330100', 'place-320000', 'place-320581', 'place-320506', 'place-110000', 'place-310000',
  'place-440100', 'place-440300', 'park-suzhou-industrial-park', 'park-suzhou-international-science-park',
  'company-deepseek', 'company-unitree', 'company-game-science', 'company-brainco', 'company-manycore',
  'company-tztek', 'company-fair-innovation', 'company-ecovacs', 'company-dreame', 'company-momenta',
  'company-sugon-kekong', 'company-yizhu-technology', 'company-aispeech', 'company-tongyuan', 'company-biomap',
  'company-alibaba', 'company-dji', 'company-tesla', 'org-zhejiang-university', 'org-most', 'org-miit',
  'policy-national-ai-innovation-pilot-zones', 'policy-ai-empowered-industrialization-pilot-zones',
  'policy-suzhou-ai-plus-action-plan', 'policy-new-generation-ai-development-plan',
];

let server: DemoServer;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchWithExtension();
  // No request may leave the machine: anything not on loopback gets a local stub page instead.
  await browser.context.route(
    (url) => url.protocol.startsWith('http') && url.hostname !== '127.0.0.1',
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>source (stubbed)</title>' }),
  );
  page = await browser.context.newPage();
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the extension in Chromium on the demo page', () => {
  it('fills the service worker’s IndexedDB with the bundled dataset', async () => {
    const stored = await browser.serviceWorker.evaluate(async () => {
      const open = () =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('ai-atlas');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      const get = <T>(db: IDBDatabase, store: string, fn: (s: IDBObjectStore) => IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          const req = fn(db.transaction(store).objectStore(store));
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      for (let i = 0; i < 100; i++) {
        const db = await open();
        if (db.objectStoreNames.contains('meta')) {
          const meta = await get<{ value: { version: string } } | undefined>(db, 'meta', (s) => s.get('dataset'));
          if (meta) {
            const count = await get(db, 'entities', (s) => s.count());
            const suzhou = await get<{ names: { zhHant: string } }>(db, 'entities', (s) => s.get('place-320500'));
            db.close();
            return { version: meta.value.version, count, suzhouTraditional: suzhou.names.zhHant };
          }
        }
        db.close();
        await new Promise((r) => setTimeout(r, 100));
      }
      return null;
    });
    expect(stored).toEqual({ version: bundle.version, count: bundle.entities.length, suzhouTraditional: '蘇州市' });
  });

  it('highlights the entities in Simplified, Traditional and English, and nothing in form fields', async () => {
    await waitForHighlights(page);
    await page.waitForFunction(() => (CSS.highlights.get('ai-atlas-company')?.size ?? 0) > 15);
    const mentions = await highlightedMentions(page);
    const texts = mentions.map((m) => m.text);
    expect(texts).toEqual(
      expect.arrayContaining(['苏州工业园区', '深度求索', '蘇州工業園區', '宇樹科技', 'DeepSeek', 'deep seek', 'Suzhou Industrial Park', '苏州']),
    );
    expect(mentions.every((m) => m.name.startsWith('ai-atlas'))).toBe(true);
    expect(mentions.filter((m) => m.insideNotes)).toEqual([]);
    // 苏<b>州</b>: a name split across inline elements is still one mention.
    expect(await page.evaluate(() => {
      for (const [, h] of CSS.highlights) for (const r of h as unknown as Iterable<Range>) if (r.startContainer.parentElement?.tagName === 'B') return r.toString();
      return null;
    })).toBe('苏州');
  });

  it('leaves the page’s DOM as it was: same elements, same text', async () => {
    const same = await page.evaluate(async () => {
      const source = await (await fetch(location.href)).text();
      const original = new DOMParser().parseFromString(source, 'text/html');
      return {
        elements: document.body.querySelectorAll('*').length === original.body.querySelectorAll('*').length,
        text: document.body.textContent === original.body.textContent,
      };
    });
    expect(same).toEqual({ elements: true, text: true });
  });

  it('shows a card with sourced facts on hover, and its source link opens', async () => {
    const point = await pointAtMention(page, '苏州工业园区', '#p-parks');
    await page.mouse.move(point.x - 40, point.y - 60);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    const card = page.locator('[data-testid="entity-card"]');
    await card.waitFor({ state: 'visible', timeout: 5_000 });
    expect(await card.getAttribute('data-entity-id')).toBe('park-suzhou-industrial-park');
    expect(await card.locator('h2').innerText()).toContain('苏州工业园区');
    // The footer names the dataset the service worker holds, asked for with this first card.
    expect(await card.locator('footer').innerText()).toContain(bundle.version.slice(0, 8));
    const box = (await card.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1200);
    const links = card.locator('a[data-testid="fact-source"]');
    const expected = bundle.entities.find((e) => e.id === 'park-suzhou-industrial-park')!.facts.map((f) => f.source.url);
    expect(await links.count()).toBe(expected.length);
    const href = (await links.first().getAttribute('href'))!;
    expect(expected.map((u) => new URL(u).href)).toContain(href);
    const [opened] = await Promise.all([browser.context.waitForEvent('page'), links.first().click()]);
    await opened.waitForLoadState('domcontentloaded');
    expect(opened.url()).toBe(href);
    await opened.close();
    await page.bringToFront();
  });

  it('closes the card on Escape and opens nothing over plain text', async () => {
    const card = page.locator('[data-testid="entity-card"]');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    const point = await pointAtMention(page, '杭州', '#p-lede');
    await page.mouse.move(point.x, point.y, { steps: 3 });
    await page.locator('[data-testid="entity-card"][data-entity-id="place-330100"]').waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    const plain = await page.locator('#aside').boundingBox();
    await page.mouse.move(plain!.x + plain!.width - 20, plain!.y + plain!.height - 8, { steps: 3 });
    await page.waitForTimeout(600);
    expect(await card.isVisible()).toBe(false);
  });

  it('lists the page’s entities, grouped by type with mention counts, in the popup', async () => {
    const popup = await openFactSheet(browser, page);
    const list = popup.locator('[data-testid="page-entities"]');
    await list.waitFor();
    await popup.waitForFunction(() => !document.querySelector('[data-testid="page-summary"]')?.textContent?.includes('still'));
    const ids = await list.locator('[data-entity-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-entity-id')));
    expect(ids).toEqual(expect.arrayContaining(DEMO_ENTITIES));
    expect(new Set(ids).size).toBe(ids.length);
    // Counts equal the page's highlighted mentions of that entity.
    const suzhouCount = Number(await list.locator('[data-entity-id="place-320500"] .count').innerText());
    const suzhouMarks = (await highlightedMentions(page)).filter((m) => ['苏州', '蘇州', '苏州市', 'Suzhou'].includes(m.text));
    expect(suzhouCount).toBe(suzhouMarks.length);
    expect(suzhouCount).toBeGreaterThanOrEqual(5);
    const groups = await list.locator('section').evaluateAll((els) => els.map((e) => e.getAttribute('data-entity-type')));
    expect(groups).toEqual(['place', 'park', 'company', 'policy', 'org']);
    await list.locator('[data-entity-id="company-deepseek"] button.row').click();
    const card = popup.locator('[data-testid="entity-card"][data-entity-id="company-deepseek"]');
    await card.waitFor();
    expect(await card.locator('a[data-testid="fact-source"]').count()).toBeGreaterThanOrEqual(2);
    await popup.close();
  });
});
