import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDemoSession, type DemoSession } from '../../scripts/browser/demo-session';
import type { ExtensionBrowser } from '../../scripts/browser/launch';
import { pointAtMention } from '../../scripts/browser/page-probes';

let browser: ExtensionBrowser;
let page: Page;
let tabId: number;

const popupUrl = (query: string) => `chrome-extension://${browser.extensionId}/popup.html?${query}`;

let session: DemoSession;
beforeAll(async () => {
  session = await openDemoSession();
  ({ browser, page, tabId } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('hover card content', () => {
  it('shows a company’s attributes and its headquarters city, and walks to it when clicked', async () => {
    const point = await pointAtMention(page, '宇树科技', '#p-lede');
    await page.mouse.move(point.x, point.y, { steps: 3 });
    const card = page.locator('[data-testid="entity-card"][data-entity-id="company-unitree"]');
    await card.waitFor();
    expect(await card.locator('[data-attribute="founded"] dd').innerText()).toMatch(/\d{4}/);
    const hq = card.locator('[data-relation="outgoing:headquartered_in"] [data-entity-id="place-330100"]');
    await hq.click();
    const city = page.locator('[data-testid="entity-card"][data-entity-id="place-330100"]');
    await city.waitFor();
    // The city card lists the companies based there (incoming relations).
    expect(await city.locator('[data-relation="incoming:headquartered_in"] [data-entity-id^="company-"]').count()).toBeGreaterThan(0);
    // Walking pinned the card: moving the pointer away does not close it.
    await page.mouse.move(5, 5, { steps: 3 });
    await page.waitForTimeout(600);
    expect(await city.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await city.waitFor({ state: 'hidden' });
  });

  it('opens the card’s entity in the fact sheet, in a tab of its own', async () => {
    const point = await pointAtMention(page, '浙江大学', '#p-hangzhou');
    await page.mouse.move(point.x, point.y, { steps: 3 });
    const card = page.locator('[data-testid="entity-card"][data-entity-id="org-zhejiang-university"]');
    await card.waitFor();
    const [sheet] = await Promise.all([browser.context.waitForEvent('page'), card.locator('[data-action="open-fact-sheet"]').click()]);
    await sheet.locator('[data-testid="entity-card"][data-entity-id="org-zhejiang-university"]').waitFor();
    expect(sheet.url()).toContain(`tab=${tabId}`);
    await sheet.close();
    await page.bringToFront();
    await page.keyboard.press('Escape');
  });

  it('pins the card when its name is clicked', async () => {
    const point = await pointAtMention(page, '杭州', '#p-lede');
    await page.mouse.click(point.x, point.y);
    const card = page.locator('[data-testid="entity-card"][data-entity-id="place-330100"]');
    await card.waitFor();
    await page.mouse.move(point.x + 300, point.y + 300, { steps: 4 });
    await page.waitForTimeout(600);
    expect(await card.isVisible()).toBe(true);
    await page.mouse.click(10, 10);
    await card.waitFor({ state: 'hidden' });
  });
  it('shows a name in pinyin only when the reader asks, and hides it again', async () => {
    const point = await pointAtMention(page, '百图生科', '#p-parks');
    await page.mouse.click(point.x, point.y);
    const card = page.locator('[data-testid="entity-card"][data-entity-id="company-biomap"]');
    await card.waitFor();
    const pinyin = card.locator('[data-testid="pinyin"]');
    expect(await pinyin.count()).toBe(0);
    const toggle = card.locator('[data-testid="show-pinyin"]');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await pinyin.innerText()).toBe('bǎi tú shēng kē');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.click();
    expect(await pinyin.count()).toBe(0);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
  });

  it('stays readable at 200% zoom: inside the viewport, nothing cut off, text at least 12 CSS px', async () => {
    // Browser zoom at 200% halves the CSS viewport and doubles the device pixel ratio.
    const cdp = await browser.context.newCDPSession(page);
    const viewport = page.viewportSize()!;
    const zoomed = { width: Math.floor(viewport.width / 2), height: Math.floor(viewport.height / 2) };
    await cdp.send('Emulation.setDeviceMetricsOverride', { ...zoomed, deviceScaleFactor: 2, mobile: false });
    try {
      await page.locator('#p-parks').scrollIntoViewIfNeeded();
      const point = await pointAtMention(page, '苏州工业园区', '#p-parks');
      await page.mouse.click(point.x, point.y);
      const card = page.locator('[data-testid="entity-card"][data-entity-id="park-suzhou-industrial-park"]');
      await card.waitFor();
      const box = (await card.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(zoomed.width);
      expect(box.y + box.height).toBeLessThanOrEqual(zoomed.height);
      const layout = await card.evaluate((el) => {
        const scroller = el; // the card scrolls itself when taller than the viewport
        const sizes = [...el.querySelectorAll('.summary, .text, dd, h2 .zh')].map((n) => parseFloat(getComputedStyle(n).fontSize));
        return {
          overflowX: el.scrollWidth - el.clientWidth,
          scrollsY: scroller.scrollHeight > scroller.clientHeight ? getComputedStyle(scroller).overflowY : 'fits',
          smallest: Math.min(...sizes),
        };
      });
      expect(layout.overflowX).toBeLessThanOrEqual(1);
      // A card taller than the zoomed viewport scrolls instead of being cut off.
      expect(['fits', 'auto', 'scroll']).toContain(layout.scrollsY);
      expect(layout.smallest).toBeGreaterThanOrEqual(12);
      await page.keyboard.press('Escape');
      await card.waitFor({ state: 'hidden' });
    } finally {
      await cdp.send('Emulation.clearDeviceMetricsOverride');
      await cdp.detach();
    }
  });
});

describe('popup fact sheet', () => {
  it('searches the dataset by pinyin initials, toned pinyin, Traditional and English as you type', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(popupUrl(`tab=${tabId}`));
    const box = popup.locator('[data-testid="dataset-search"]');
    const first = () => popup.locator('[data-testid="search-result"]').first().getAttribute('data-entity-id');
    for (const [query, id] of [
      ['yzam', 'company-moonshot'],
      ['yuè zhī àn miàn', 'company-moonshot'],
      ['宇樹科技', 'company-unitree'],
      ['deepseek', 'company-deepseek'],
      ['hangzhou', 'place-330100'],
    ] as const) {
      await box.fill(query);
      await popup.waitForFunction(
        (id) => document.querySelector('[data-testid="search-result"]')?.getAttribute('data-entity-id') === id,
        id,
        { timeout: 5_000 },
      );
      expect(await first()).toBe(id);
    }
    await popup.locator('[data-testid="search-result"]').first().click();
    await popup.locator('[data-testid="entity-card"][data-entity-id="place-330100"]').waitFor();
    await popup.close();
  });

  it('walks from a company to its city to the policies that apply there', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(popupUrl(`tab=${tabId}&entity=company-tztek`));
    await popup.locator('[data-testid="entity-card"][data-entity-id="company-tztek"]').waitFor();
    await popup.locator('[data-relation="outgoing:headquartered_in"] [data-entity-id="place-320500"]').click();
    const city = popup.locator('[data-testid="entity-card"][data-entity-id="place-320500"]');
    await city.waitFor();
    const policies = city.locator('[data-relation="incoming:applies_to"] [data-entity-id]');
    expect(await policies.count()).toBeGreaterThan(0);
    await popup.close();
  });

  it('compares Suzhou and Hangzhou side by side, fact by fact with sources', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(popupUrl(`tab=${tabId}&entity=place-320500`));
    await popup.locator('[data-testid="entity-card"] [data-action="compare"]').click();
    await popup.locator('[data-testid="dataset-search"]').fill('杭州');
    await popup.locator('[data-testid="search-result"][data-entity-id="place-330100"]').click();
    const compare = popup.locator('[data-testid="compare"]');
    await compare.waitFor();
    const heads = await compare.locator('thead th[data-entity-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-entity-id')));
    expect(heads).toEqual(['place-320500', 'place-330100']);
    expect(await compare.locator('[data-testid="fact-source"]').count()).toBeGreaterThanOrEqual(4);
    // Only entities of the same type were offered.
    await popup.close();
  });
});
