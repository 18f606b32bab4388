import { useEffect, useState } from 'preact/hooks';
import { browserLanguage, msg, type MessageKey } from '@/lib/i18n/messages';
import { useUiLanguage } from './use-language';
import { browser } from 'wxt/browser';
import { isActiveOn, siteOf, toggleSite, type Settings } from '@/lib/settings/settings';
import { loadSettings, saveSettings, watchSettings } from '@/lib/settings/store';
import type { EntityRecord } from '@/lib/data/bundle';
import type { RelatedLink, SearchHit } from '@/lib/messages/protocol';
import { groupPageEntities, type PageFacts } from '@/lib/popup/page-facts';
import { sendToBackground, sendToTab } from '@/lib/messages/transport';
import type { UiLanguage } from '@/lib/text/labels';
import { CompareView } from './CompareView';
import { EntityCard } from './EntityCard';
import { PageClippings } from './PageClippings';
import { PageEntities } from './PageEntities';
import { SearchResults } from './SearchResults';

/** While the page is still being scanned, ask again this often. */
const RESCAN_POLL_MS = 400;
/** Wait this long after a keystroke before searching: results follow typing without a request per key. */
const SEARCH_DEBOUNCE_MS = 80;

type PageState = { kind: 'loading' } | { kind: 'unavailable'; reason: string } | { kind: 'ready'; facts: PageFacts };
type View =
  | { kind: 'page' }
  | { kind: 'entity'; id: string }
  | { kind: 'pick-compare'; with: string }
  | { kind: 'compare'; a: string; b: string };

/** Set by the app from the reader's settings; the views below read it while rendering. */
let uiLanguage: UiLanguage = browserLanguage();
const t = (key: MessageKey, ...subs: string[]) => msg(key, uiLanguage, ...subs);

async function loadPageFacts(tabId: number): Promise<PageFacts> {
  // The dataset's info does not depend on the page: asked for at once, alongside the page's mentions.
  const info = sendToBackground({ type: 'dataset/info' });
  const mentions = await sendToTab(tabId, { type: 'page/mentions' });
  const [entities, dataset] = await Promise.all([
    sendToBackground({ type: 'entity/hits', ids: mentions.mentions.map((m) => m.id) }),
    info,
  ]);
  return groupPageEntities(mentions, entities, dataset);
}

export interface PopupAppProps {
  tabId: Promise<number | undefined>;
  initialEntity?: string;
  initialCompare?: [string, string];
}

export function PopupApp({ tabId, initialEntity, initialCompare }: PopupAppProps) {
  uiLanguage = useUiLanguage();
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  const [history, setHistory] = useState<View[]>([
    initialCompare
      ? { kind: 'compare', a: initialCompare[0], b: initialCompare[1] }
      : initialEntity
        ? { kind: 'entity', id: initialEntity }
        : { kind: 'page' },
  ]);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | undefined>();
  const view = history[history.length - 1]!;
  const go = (next: View) => {
    setQuery('');
    setHistory([...history, next]);
  };
  const back = () => setHistory(history.length > 1 ? history.slice(0, -1) : [{ kind: 'page' }]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    const poll = async () => {
      const id = await tabId;
      if (id === undefined) return setPage({ kind: 'unavailable', reason: t('no_active_tab') });
      try {
        const facts = await loadPageFacts(id);
        if (cancelled) return;
        setPage({ kind: 'ready', facts });
        if (!facts.complete) timer = setTimeout(poll, RESCAN_POLL_MS);
      } catch {
        if (!cancelled) {
          setPage({
            kind: 'unavailable',
            reason: t('ai_atlas_cannot_read_this_page_browser_p'),
          });
        }
      }
    };
    void poll();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [tabId]);

  const compareType = view.kind === 'pick-compare' ? view.with : undefined;
  useEffect(() => {
    if (!query.trim()) {
      setHits(undefined);
      return;
    }
    let stale = false;
    const timer = setTimeout(async () => {
      const entityType = compareType ? (await sendToBackground({ type: 'entity/get', id: compareType }))?.type : undefined;
      const found = await sendToBackground({ type: 'entity/search', query, ...(entityType ? { entityType } : {}) }).catch(() => []);
      if (!stale) setHits(found);
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query, compareType]);

  const openFromSearch = (id: string) =>
    view.kind === 'pick-compare' ? go({ kind: 'compare', a: view.with, b: id }) : go({ kind: 'entity', id });

  return (
    <main class="popup" lang={uiLanguage === 'zh' ? 'zh-CN' : 'en'}>
      <header class="bar">
        {view.kind !== 'page' && (
          <button type="button" class="back" onClick={back} aria-label={t('back')}>
            ‹
          </button>
        )}
        <h1>AI Atlas</h1>
        <input
          type="search"
          class="search"
          data-testid="dataset-search"
          placeholder={view.kind === 'pick-compare' ? t('compare_with') : t('search_pinyin_english')}
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          aria-label={t('search_the_dataset')}
        />
      </header>
      {hits ? (
        <SearchResults hits={hits} lang={uiLanguage} onOpen={openFromSearch} />
      ) : view.kind === 'entity' ? (
        <EntityView id={view.id} onOpen={(id) => go({ kind: 'entity', id })} onCompare={() => go({ kind: 'pick-compare', with: view.id })} />
      ) : view.kind === 'compare' ? (
        <CompareLoader a={view.a} b={view.b} />
      ) : view.kind === 'pick-compare' ? (
        <p class="status">{t('type_the_name_of_another_entity_of_the_s')}</p>
      ) : (
        <PageView page={page} tabId={tabId} onOpen={(id) => go({ kind: 'entity', id })} />
      )}
    </main>
  );
}

function SiteSwitch({ url }: { url: string }) {
  const [settings, setSettings] = useState<Settings | undefined>();
  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  if (!settings) return null;
  const site = siteOf(url);
  const on = isActiveOn(settings, url);
  const label = !settings.enabled
    ? t('ai_atlas_is_off_everywhere')
    : on
      ? t('on_for_site', site)
      : t('off_for_site', site);
  return (
    <div class="switch-row">
      <label class="switch">
        <input
          type="checkbox"
          data-testid="site-toggle"
          checked={on}
          disabled={!settings.enabled}
          onChange={() => void saveSettings(toggleSite(settings, url))}
        />
        <span>{label}</span>
      </label>
      <a class="settings-link" href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
        {t('settings')}
      </a>
    </div>
  );
}

function PageView({ page, onOpen, tabId }: { page: PageState; onOpen: (id: string) => void; tabId: Promise<number | undefined> }) {
  if (page.kind === 'loading') return <p class="status">{t('reading_the_page')}</p>;
  if (page.kind === 'unavailable') return <p class="status">{page.reason}</p>;
  const facts = page.facts;
  const jump = (id: string) =>
    void tabId.then((tab) => (tab === undefined ? undefined : sendToTab(tab, { type: 'page/jumpTo', id }).catch(() => undefined)));
  if (!facts.active) {
    return (
      <>
        <SiteSwitch url={facts.url} />
        <p class="status">{t('ai_atlas_is_not_marking_this_page')}</p>
      </>
    );
  }
  const entityCount = facts.groups.reduce((n, g) => n + g.items.length, 0);
  return (
    <>
      <p class="status" data-testid="page-summary">
        {facts.total === 0
          ? t('no_cities_companies_or_policies_from_the')
          : t('n_entities_m_mentions', String(entityCount), String(facts.total))}
        {!facts.complete && t('still_reading')}
      </p>
      <SiteSwitch url={facts.url} />
      <PageEntities facts={facts} lang={uiLanguage} onOpen={onOpen} onJump={jump} />
      <PageClippings url={facts.url} tabId={tabId} lang={uiLanguage} />
      {facts.dataset?.storage === 'memory' && (
        <p class="notice" role="status" data-testid="storage-notice">
          {t('browser_storage_is_unavailable_so_ai_atl')}{' '}
          ({facts.dataset.storageError})
        </p>
      )}
      {facts.dataset && (
        <footer class="foot">
          {t('dataset')} {facts.dataset.version.slice(0, 8)} · {facts.dataset.entityCount} {t('entities')} ·{' '}
          {t('as_of')} {facts.dataset.asOf}
        </footer>
      )}
    </>
  );
}

function useEntity(id: string) {
  const [state, setState] = useState<{ entity: EntityRecord | null; related: RelatedLink[] } | undefined>();
  useEffect(() => {
    let stale = false;
    setState(undefined);
    void Promise.all([
      sendToBackground({ type: 'entity/get', id }),
      sendToBackground({ type: 'entity/related', id }).catch(() => []),
    ]).then(([entity, related]) => {
      if (!stale) setState({ entity, related });
    });
    return () => {
      stale = true;
    };
  }, [id]);
  return state;
}

function EntityView({ id, onOpen, onCompare }: { id: string; onOpen: (id: string) => void; onCompare: () => void }) {
  const state = useEntity(id);
  if (!state) return <p class="status">{t('loading')}</p>;
  if (!state.entity) return <p class="status">{t('not_in_the_dataset')}</p>;
  return (
    <div class="entity-view">
      <EntityCard
        entity={state.entity}
        lang={uiLanguage}
        related={state.related}
        onOpen={onOpen}
        actions={[{ id: 'compare', label: t('compare_with'), run: onCompare }]}
      />
    </div>
  );
}

function CompareLoader({ a, b }: { a: string; b: string }) {
  const left = useEntity(a);
  const right = useEntity(b);
  if (!left || !right) return <p class="status">{t('loading')}</p>;
  if (!left.entity || !right.entity) return <p class="status">{t('not_in_the_dataset')}</p>;
  return <CompareView a={left.entity} b={right.entity} lang={uiLanguage} />;
}
