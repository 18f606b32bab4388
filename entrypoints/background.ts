import { browser } from 'wxt/browser';
import { DatasetService } from '@/lib/background/dataset-service';
import { NameMatcher } from '@/lib/background/name-matcher';
import type { NameIndex } from '@/lib/data/bundle';
import nameIndexJson from '@/generated/name-index.json';
import { AtlasDatabase } from '@/lib/db/database';
import datasetVersion from '@/generated/dataset-version.json';
import { sendToTab, serveMessages } from '@/lib/messages/transport';
import { pageKey } from '@/lib/clippings/schema';

/** The selection context-menu item that saves a clipping. */
const SAVE_CLIPPING_MENU = 'ai-atlas-save-clipping';
/** Where the build puts the fact bundle (scripts/build-data.ts → public/data/dataset.json). */
const BUNDLE_PATH = '/data/dataset.json';

export default defineBackground(() => {
  const db = new AtlasDatabase();
  const dataset = new DatasetService(db, async () => {
    const response = await fetch(browser.runtime.getURL(BUNDLE_PATH));
    if (!response.ok) throw new Error(`bundled dataset missing (${response.status})`);
    return response.json();
  }, undefined, datasetVersion.version);

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus?.create({ id: SAVE_CLIPPING_MENU, title: browser.i18n.getMessage('cmdSaveClipping'), contexts: ['selection'] });
    dataset.ensureLoaded().catch((err: unknown) => console.error('[ai-atlas] dataset load failed', err));
  });

  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SAVE_CLIPPING_MENU && tab?.id !== undefined) {
      void sendToTab(tab.id, { type: 'page/command', command: 'save-clipping' }).catch(() => undefined);
    }
  });

  // Keyboard commands act on the active tab's page.
  browser.commands?.onCommand.addListener((command) => {
    if (command !== 'toggle-site' && command !== 'next-mention' && command !== 'previous-mention' && command !== 'save-clipping') return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id !== undefined) void sendToTab(tab.id, { type: 'page/command', command }).catch(() => undefined);
    });
  });

  const names = new NameMatcher(nameIndexJson as unknown as NameIndex);

  serveMessages({
    // Pages send their text here to be matched; it goes no further than this function (see TextMatcher).
    'match/texts': ({ texts }) => names.match(texts),
    'entity/get': ({ id }) => dataset.get(id),
    'entity/getMany': ({ ids }) => dataset.getMany(ids),
    'entity/hits': ({ ids }) => dataset.hits(ids),
    'dataset/info': () => dataset.info(),
    'entity/search': ({ query, entityType, limit }) => dataset.search(query, entityType, limit),
    'entity/related': ({ id }) => dataset.related(id),
    // Clippings live in the extension's database; a failed write (quota) reaches the editor as an error.
    'clipping/save': async ({ clipping }) => {
      await db.clippings.put(clipping);
      return clipping;
    },
    'clipping/forPage': ({ url }) => db.clippings.where('url').equals(pageKey(url)).toArray(),
    // The card's "open in fact sheet": the popup as a full tab, about the sender's tab, on that entity.
    'ui/openFactSheet': async ({ entityId }, sender) => {
      const params = new URLSearchParams({ entity: entityId });
      if (sender.tab?.id !== undefined) params.set('tab', String(sender.tab.id));
      await browser.tabs.create({ url: `${browser.runtime.getURL('/popup.html')}?${params}` });
      return null;
    },
  });
});
