import { useEffect, useState } from 'preact/hooks';
import { msg, type MessageKey } from '@/lib/i18n/messages';
import { browser } from 'wxt/browser';
import { pageKey, type Clipping } from '@/lib/clippings/schema';
import { sendToTab } from '@/lib/messages/transport';
import type { UiLanguage } from '@/lib/text/labels';

/** The current page's clippings in the popup, each marked found or "not found on this page". */
export function PageClippings({ url, tabId, lang }: { url: string; tabId: Promise<number | undefined>; lang: UiLanguage }) {
  const t = (key: MessageKey) => msg(key, lang);
  const [state, setState] = useState<{ clippings: Clipping[]; found: Map<string, boolean> } | undefined>();
  useEffect(() => {
    let stale = false;
    void (async () => {
      // Loaded on demand: the database code is not needed for the fact sheet's first render.
      const { AtlasDatabase } = await import('@/lib/db/database');
      const db = new AtlasDatabase();
      const clippings = await db.clippings.where('url').equals(pageKey(url)).reverse().sortBy('createdAt');
      const tab = await tabId;
      const status = tab === undefined ? [] : await sendToTab(tab, { type: 'page/clippings' }).catch(() => []);
      db.close();
      if (!stale) setState({ clippings, found: new Map(status.map((s) => [s.id, s.found])) });
    })().catch(() => setState({ clippings: [], found: new Map() }));
    return () => {
      stale = true;
    };
  }, [url]);
  const link = (
    <a class="settings-link" href={browser.runtime.getURL('/clippings.html')} target="_blank" rel="noopener" data-testid="open-clippings">
      {t('all_clippings')}
    </a>
  );
  if (!state || state.clippings.length === 0) return <div class="switch-row">{link}</div>;
  return (
    <section class="group page-clippings" data-testid="page-clippings">
      <h2>
        {t('your_clippings_on_this_page')} · {link}
      </h2>
      <ul>
        {state.clippings.map((c) => (
          <li key={c.id} class="page-clipping" data-testid="page-clipping" data-clipping-id={c.id} data-found={String(state.found.get(c.id) ?? false)}>
            <q>{c.quote.exact.length > 80 ? `${c.quote.exact.slice(0, 80)}…` : c.quote.exact}</q>
            {state.found.get(c.id) === false && <span class="missing"> · {t('not_found_on_this_page')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
