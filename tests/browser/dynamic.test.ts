import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../../scripts/browser/demo-server';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/browser/launch';
import { messageTab } from '../../scripts/browser/demo-session';
import { activeTabId, waitForHighlights } from '../../scripts/browser/page-probes';

const PAGES = fileURLToPath(new URL('./pages/', import.meta.url));

let server: DemoServer;
let browser: ExtensionBrowser;
let page: Page;

/** Marked texts (optionally only those inside `selector`) in a page or frame, from its main world. */
const marked = (target: Page | Frame, selector = 'body') =>
  target.evaluate((selector) => {
    const scope = document.querySelector(selector);
    const out: string[] = [];
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('ai-atlas') || name === 'ai-atlas-active') continue;
      for (const r of h as unknown as Iterable<Range>) {
        if (r.startContainer.isConnected && scope?.contains(r.startContainer)) out.push(r.toString());
      }
    }
    return out.sort();
  }, selector);

const waitForMarked = (target: Page | Frame, selector: string, expected: string[]) =>
  target.waitForFunction(
    ({ selector, expected }) => {
      const scope = document.querySelector(selector);
      const out: string[] = [];
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith('ai-atlas') || name === 'ai-atlas-active') continue;
        for (const r of h as unknown as Iterable<Range>) if (scope?.contains(r.startContainer)) out.push(r.toString());
      }
      return JSON.stringify(out.sort()) === JSON.stringify([...expected].sort());
    },
    { selector, expected },
    { timeout: 10_000 },
  );

/** Size of all of this extension's type highlights together. */
const totalMarks = (target: Page | Frame) =>
  target.evaluate(() => {
    let n = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('ai-atlas') && name !== 'ai-atlas-active') n += h.size;
    return n;
  });

beforeAll(async () => {
  server = await startDemoServer(PAGES);
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.goto(`${server.url}dynamic.html`);
  await waitForHighlights(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('live pages', () => {
  it('marks a name split across inline elements as one mention', async () => {
    await waitForMarked(page, '#split', ['苏州工业园区']);
  });

  it('marks text appended after load', async () => {
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'appended';
      p.textContent = '后来加载的一条：蘇州工業園區和 Deep Seek 合作。';
      document.querySelector('#feed')!.append(p);
    });
    await waitForMarked(page, '#appended', ['Deep Seek', '蘇州工業園區']);
  });

  it('marks edited text and drops the marks of removed text', async () => {
    const before = await totalMarks(page);
    await page.evaluate(() => document.querySelector('#to-remove')!.remove());
    await page.waitForFunction((before) => {
      let n = 0;
      for (const [name, h] of CSS.highlights) if (name.startsWith('ai-atlas') && name !== 'ai-atlas-active') n += h.size;
      return n === before - 2;
    }, before);
    await page.evaluate(() => {
      document.querySelector('#first')!.firstChild!.textContent = '第一条改写：上海与北京。';
    });
    await waitForMarked(page, '#first', ['上海', '北京']);
  });

  it('rescans after an SPA-style navigation', async () => {
    await page.evaluate(() => {
      history.pushState({}, '', '/dynamic-next.html');
      document.querySelector('#feed')!.innerHTML = '<p id="next">新页面：宇树科技在杭州。</p>';
    });
    await waitForMarked(page, '#feed', ['宇树科技', '杭州']);
    expect(await marked(page, '#feed')).toEqual(['宇树科技', '杭州']);
  });

  it('marks a page that the background, stopped by the browser in the meantime, must wake up to match', async () => {
    const fresh = await browser.context.newPage();
    await browser.serviceWorker.evaluate(() => ((globalThis as { atlasTestMark?: number }).atlasTestMark = 1));
    const cdp = await browser.context.newCDPSession(fresh);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await fresh.goto(`${server.url}dynamic.html`);
    await waitForMarked(fresh, '#split', ['苏州工业园区']);
    // The worker that answered is a new one (the mark set on the old one is gone).
    expect(await browser.serviceWorker.evaluate(() => (globalThis as { atlasTestMark?: number }).atlasTestMark ?? 'new')).toBe('new');
    await fresh.close();
  });

  it('paints marks only near the viewport, and adds them as the reader scrolls', async () => {
    const long = await browser.context.newPage();
    await long.goto(`${server.url}long.html`);
    await waitForMarked(long, '#top', ['杭州']);
    expect(await marked(long, '#bottom')).toEqual([]);
    await long.evaluate(() => document.querySelector('#bottom')!.scrollIntoView());
    await waitForMarked(long, '#bottom', ['宇树科技']);
    await long.close();
  });

  it('reads a long article as far as the reader gets, the end when the reader jumps there, and all when the popup asks', async () => {
    const long = await browser.context.newPage();
    await long.goto(`${server.url}long-article.html`);
    await waitForMarked(long, '#p0', ['杭州']);
    expect(await marked(long, '#p599')).toEqual([]);
    await long.evaluate(() => document.querySelector('#p599')!.scrollIntoView());
    await waitForMarked(long, '#p599', ['宇树科技']);

    await long.bringToFront();
    const tabId = await activeTabId(browser.serviceWorker);
    type Mentions = { complete: boolean; mentions: { id: string; count: number }[] };
    let reply: Mentions = { complete: false, mentions: [] };
    for (let tries = 0; tries < 50 && !reply.complete; tries++) {
      reply = ((await messageTab(browser, tabId, { type: 'page/mentions' })) as { value: Mentions }).value;
      if (!reply.complete) await long.waitForTimeout(100);
    }
    expect(reply.complete).toBe(true);
    const count = (id: string) => reply.mentions.find((m) => m.id === id)?.count;
    expect(count('place-330100')).toBe(1);
    expect(count('place-320500')).toBe(12);
    await long.close();
  });

  it('reads the end of a scrolling container when the reader jumps there (the document itself never scrolls)', async () => {
    const app = await browser.context.newPage();
    await app.goto(`${server.url}scroller.html`);
    await waitForMarked(app, '#s0', ['杭州']);
    await app.evaluate(() => {
      const scroller = document.querySelector('#scroller')!;
      scroller.scrollTop = scroller.scrollHeight;
    });
    await waitForMarked(app, '#s399', ['宇树科技']);
    await app.close();
  });

  it('leaves a page with nothing to mark without styles or highlights of ours, and styles it when a name appears', async () => {
    const plain = await browser.context.newPage();
    await plain.goto(`${server.url}plain.html`);
    const ourSheets = () =>
      plain.evaluate(() => document.adoptedStyleSheets.filter((s) => [...s.cssRules].some((r) => r.cssText.includes('ai-atlas'))).length);
    // The extension is running here (it marks what is added below); give its first scan time to finish.
    await plain.waitForTimeout(1500);
    expect(await ourSheets()).toBe(0);
    expect(await plain.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('ai-atlas')))).toEqual([]);
    await plain.evaluate(() => document.querySelector('#plain')!.insertAdjacentHTML('beforeend', '<p id="later">后来提到杭州。</p>'));
    await waitForMarked(plain, '#later', ['杭州']);
    // The mark is painted in the place colour by the content script's CSS file, with no sheet adopted (adopting
    // one restyles the whole page).
    expect(await ourSheets()).toBe(0);
    const markStyle = await plain.evaluate(() => {
      const style = getComputedStyle(document.querySelector('#later')!, '::highlight(ai-atlas-place)');
      return { background: style.backgroundColor, line: style.textDecorationLine };
    });
    expect(markStyle.background).toMatch(/^rgba\(47, 128, 237, 0\.1\d*\)$/);
    expect(markStyle.line).toBe('underline');
    await plain.close();
  });

  it('chooses among places that share a name by the city nearby, and lets the reader choose', async () => {
    const amb = await browser.context.newPage();
    await amb.goto(`${server.url}ambiguous.html`);
    await waitForMarked(amb, '#nanjing', ['南京市', '鼓楼区']);
    const hover = async (selector: string) => {
      const point = await amb.evaluate((selector) => {
        for (const [, h] of CSS.highlights) {
          for (const r of h as unknown as Iterable<Range>) {
            if (r.toString() === '鼓楼区' && document.querySelector(selector)!.contains(r.startContainer)) {
              const rect = r.getBoundingClientRect();
              return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
            }
          }
        }
        return null;
      }, selector);
      await amb.mouse.move(5, 5);
      await amb.keyboard.press('Escape');
      await amb.mouse.move(point!.x, point!.y, { steps: 3 });
      const card = amb.locator('[data-testid="entity-card"]');
      await card.waitFor();
      return card;
    };
    // Next to 南京市 the card is Nanjing's 鼓楼区 and offers Fuzhou's; next to 福州市, the other way round.
    let card = await hover('#nanjing');
    expect(await card.getAttribute('data-entity-id')).toBe('place-320106');
    expect(await card.locator('[data-testid="candidates"] [data-entity-id="place-350102"]').count()).toBe(1);
    card = await hover('#fuzhou');
    expect(await card.getAttribute('data-entity-id')).toBe('place-350102');
    // The reader's choice is remembered for this page.
    await card.locator('[data-testid="candidates"] [data-entity-id="place-320106"]').click();
    await amb.locator('[data-testid="entity-card"][data-entity-id="place-320106"]').waitFor();
    card = await hover('#fuzhou');
    expect(await card.getAttribute('data-entity-id')).toBe('place-320106');
    await amb.close();
  });

  it('scans a same-origin iframe on its own', async () => {
    const frame = page.frames().find((f) => f.url().endsWith('frame.html'))!;
    await waitForMarked(frame, '#in-frame', ['宇树科技', '杭州']);
  });
});
