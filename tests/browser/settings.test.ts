import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { messageTab, openDemoSession, type DemoSession } from '../../scripts/browser/demo-session';
import type { ExtensionBrowser } from '../../scripts/browser/launch';
import { pointAtMention } from '../../scripts/browser/page-probes';
import { seriousViolations } from '../../scripts/browser/axe';

let browser: ExtensionBrowser;
let page: Page;
let tabId: number;

const sizeOf = (p: Page, name: string) => p.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, name);
const extPage = async (path: string) => {
  const p = await browser.context.newPage();
  await p.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return p;
};
/** What the background does on a keyboard command, sent the same way. */
const command = (command: string) => messageTab(browser, tabId, { type: 'page/command', command });

let session: DemoSession;
beforeAll(async () => {
  session = await openDemoSession();
  ({ browser, page, tabId } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('settings and control', () => {
  it('turns the site off and on from the popup in one click', async () => {
    const popup = await extPage(`popup.html?tab=${tabId}`);
    const toggle = popup.locator('[data-testid="site-toggle"]');
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click();
    await page.waitForFunction(() => [...CSS.highlights.keys()].filter((k) => k !== 'ai-atlas-active').every((k) => CSS.highlights.get(k)!.size === 0));
    await popup.reload();
    await popup.locator('[data-testid="site-toggle"]').waitFor();
    expect(await popup.locator('[data-testid="site-toggle"]').isChecked()).toBe(false);
    await popup.locator('[data-testid="site-toggle"]').click();
    await page.waitForFunction(() => (CSS.highlights.get('ai-atlas-company')?.size ?? 0) > 0);
    await popup.close();
  });

  it('marks only the types the reader keeps, and applies the mark style at once', async () => {
    const options = await extPage('options.html');
    await options.locator('[data-testid="setting-type-company"]').uncheck();
    await page.waitForFunction(() => (CSS.highlights.get('ai-atlas-company')?.size ?? 0) === 0);
    expect(await sizeOf(page, 'ai-atlas-place')).toBeGreaterThan(0);
    await options.locator('[data-testid="setting-type-company"]').check();
    await page.waitForFunction(() => (CSS.highlights.get('ai-atlas-company')?.size ?? 0) > 0);
    // The computed style of a company mark's ::highlight, as the page paints it.
    const companyMark = () =>
      page.evaluate(() => {
        const range = [...(CSS.highlights.get('ai-atlas-company') as unknown as Iterable<Range>)][0]!;
        const style = getComputedStyle(range.startContainer.parentElement!, '::highlight(ai-atlas-company)');
        return `${style.backgroundColor} ${style.textDecorationLine}`;
      });
    expect(await companyMark()).toMatch(/^rgba\(224, 120, 20, 0\.1\d*\) underline$/);
    await options.locator('[data-testid="setting-style-background"]').check();
    await expect.poll(companyMark).toBe('rgba(224, 120, 20, 0.22) none');
    await options.locator('[data-testid="setting-style-underline"]').check();
    await expect.poll(companyMark).toMatch(/^rgba\(224, 120, 20, 0\.1\d*\) underline$/);
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
  });

  it('moves to the next and previous name from the keyboard commands, announcing each', async () => {
    await page.bringToFront();
    await command('next-mention');
    const card = page.locator('[data-testid="entity-card"]');
    await card.waitFor();
    const first = await card.getAttribute('data-entity-id');
    const announced = await page.locator('[data-testid="announcer"]').textContent();
    expect(announced).toMatch(/1 \/ \d+/);
    await command('next-mention');
    await page.waitForFunction(() => /2 \/ \d+/.test(document.querySelector('ai-atlas-card')?.shadowRoot?.querySelector('[data-testid="announcer"]')?.textContent ?? ''));
    await command('previous-mention');
    await page.waitForFunction(() => /1 \/ \d+/.test(document.querySelector('ai-atlas-card')?.shadowRoot?.querySelector('[data-testid="announcer"]')?.textContent ?? ''));
    expect(await card.getAttribute('data-entity-id')).toBe(first);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
  });

  it('jumps from the popup to the next mention and flashes it', async () => {
    const popup = await extPage(`popup.html?tab=${tabId}`);
    await popup.locator('[data-testid="page-entities"] [data-entity-id="company-tesla"] [data-action="jump"]').click();
    await page.waitForFunction(() => {
      const active = CSS.highlights.get('ai-atlas-active');
      if (!active || active.size !== 1) return false;
      const [range] = active as unknown as Iterable<Range>;
      const rect = range!.getBoundingClientRect();
      return range!.toString() === '特斯拉' && rect.top >= 0 && rect.bottom <= innerHeight;
    });
    await popup.close();
  });

  it('has no serious accessibility violations in the popup or an open card', async () => {
    const popup = await extPage(`popup.html?tab=${tabId}`);
    await popup.locator('[data-testid="page-entities"]').waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}&compare=place-320500,place-330100`);
    await popup.locator('[data-testid="compare"]').waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
    await page.bringToFront();
    const point = await pointAtMention(page, '苏州工业园区', '#p-parks');
    await page.mouse.move(point.x, point.y, { steps: 3 });
    await page.locator('[data-testid="entity-card"]').waitFor();
    expect(await seriousViolations(page, 'ai-atlas-card')).toEqual([]);
  });

  it('speaks the reader’s chosen UI language in the popup and the card', async () => {
    const popup = await extPage(`popup.html?tab=${tabId}`);
    await popup.locator('[data-testid="page-summary"]').waitFor();
    expect(await popup.locator('[data-testid="page-summary"]').innerText()).toMatch(/\d+ entities, \d+ mentions/);
    const options = await extPage('options.html');
    await options.locator('[data-testid="setting-language"]').selectOption('zh');
    await popup.waitForFunction(() => /\d+ 个条目，共 \d+ 处提及/.test(document.querySelector('[data-testid="page-summary"]')?.textContent ?? ''));
    expect(await popup.locator('[data-testid="dataset-search"]').getAttribute('placeholder')).toMatch(/搜索/);
    // The card follows the setting even on an English name.
    await page.bringToFront();
    const point = await pointAtMention(page, 'Suzhou Industrial Park', '#p-english');
    await page.mouse.move(point.x, point.y, { steps: 3 });
    const card = page.locator('[data-testid="entity-card"][data-entity-id="park-suzhou-industrial-park"]');
    await card.waitFor();
    expect(await card.locator('.type').innerText()).toBe('园区');
    await page.keyboard.press('Escape');
    await options.locator('[data-testid="setting-language"]').selectOption('en');
    await popup.waitForFunction(() => /entities/.test(document.querySelector('[data-testid="page-summary"]')?.textContent ?? ''));
    await options.close();
    await popup.close();
  });

  it('follows a dark colour scheme in the card', async () => {
    const point = await pointAtMention(page, '苏州工业园区', '#p-parks');
    await page.mouse.move(point.x, point.y, { steps: 3 });
    await page.locator('[data-testid="entity-card"]').waitFor();
    await page.emulateMedia({ colorScheme: 'dark' });
    const bg = await page.locator('[data-testid="entity-card"]').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).toBe('rgb(30, 35, 43)');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await page.locator('[data-testid="entity-card"]').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
  });
});
