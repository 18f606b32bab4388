import type { Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from './demo-server';
import { launchWithExtension, type ExtensionBrowser } from './launch';
import { activeTabId, waitForHighlights } from './page-probes';

export interface DemoSession {
  server: DemoServer;
  browser: ExtensionBrowser;
  /** The demo article, marked. */
  page: Page;
  tabId: number;
  close(): Promise<void>;
}

/**
 * Chromium with the extension on the demo article, marked and ready. Requests off loopback (a fact's source link)
 * get a local stub page: nothing leaves the machine.
 */
export async function openDemoSession(): Promise<DemoSession> {
  const server = await startDemoServer();
  const browser = await launchWithExtension();
  await browser.context.route(
    (url) => url.protocol.startsWith('http') && url.hostname !== '127.0.0.1',
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>source (stubbed)</title>' }),
  );
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await waitForHighlights(page);
  const tabId = await activeTabId(browser.serviceWorker);
  return {
    server,
    browser,
    page,
    tabId,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** The toolbar popup's fact sheet for the tab showing `tab`, opened as the tests and npm start open it. */
export async function openFactSheet(browser: ExtensionBrowser, tab: Page): Promise<Page> {
  await tab.bringToFront();
  const tabId = await activeTabId(browser.serviceWorker);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/** Send a message to a tab's content script from the service worker, as the background does for commands. */
export function messageTab(browser: ExtensionBrowser, tabId: number, message: Record<string, unknown>): Promise<unknown> {
  return browser.serviceWorker.evaluate(
    ([tab, msg]) =>
      (globalThis as unknown as { chrome: { tabs: { sendMessage(t: number, m: unknown): Promise<unknown> } } }).chrome.tabs.sendMessage(tab, msg),
    [tabId, message] as const,
  );
}
