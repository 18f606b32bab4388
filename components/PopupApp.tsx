import { useEffect, useState } from 'preact/hooks';
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

const uiLanguage: UiLanguage = navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
const t = (en: string, zh: string) => (uiLanguage === 'zh' ? zh : en);

async function loadPageFacts(tabId: number): Promise<PageFacts> {
  const mentions = await sendToTab(tabId, { type: 'page/mentions' });
  const [entities, dataset] = await Promise.all([
    sendToBackground({ type: 'entity/getMany', ids: mentions.mentions.map((m) => m.id) }),
    sendToBackground({ type: 'dataset/info' }),
  ]);
  return groupPageEntities(mentions, entities, dataset);
}

export interface PopupAppProps {
  tabId: Promise<number | undefined>;
  initialEntity?: string;
  initialCompare?: [string, string];
}

export function PopupApp({ tabId, initialEntity, initialCompare }: PopupAppProps) {
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
      if (id === undefined) return setPage({ kind: 'unavailable', reason: t('No active tab.', '没有活动标签页。') });
      try {
        const facts = await loadPageFacts(id);
        if (cancelled) return;
        setPage({ kind: 'ready', facts });
        if (!facts.complete) timer = setTimeout(poll, RESCAN_POLL_MS);
      } catch {
        if (!cancelled) {
          setPage({
            kind: 'unavailable',
            reason: t(
              'AI Atlas cannot read this page (browser pages and the web store are off limits). Reload the page if it was open before the extension was installed.',
              'AI Atlas 无法读取此页面（浏览器内部页面和应用商店除外）。如果页面在安装扩展前已打开，请刷新。',
            ),
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
          <button type="button" class="back" onClick={back} aria-label={t('Back', '返回')}>
            ‹
          </button>
        )}
        <h1>AI Atlas</h1>
        <input
          type="search"
          class="search"
          data-testid="dataset-search"
          placeholder={view.kind === 'pick-compare' ? t('Compare with…', '与谁对比…') : t('Search: 中文, pinyin, English', '搜索：中文、拼音、English')}
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          aria-label={t('Search the dataset', '搜索数据集')}
        />
      </header>
      {hits ? (
        <SearchResults hits={hits} lang={uiLanguage} onOpen={openFromSearch} />
      ) : view.kind === 'entity' ? (
        <EntityView id={view.id} onOpen={(id) => go({ kind: 'entity', id })} onCompare={() => go({ kind: 'pick-compare', with: view.id })} />
      ) : view.kind === 'compare' ? (
        <CompareLoader a={view.a} b={view.b} />
      ) : view.kind === 'pick-compare' ? (
        <p class="status">{t('Type the name of another entity of the same kind to compare.', '输入同类条目的名称进行对比。')}</p>
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
    ? t('AI Atlas is off everywhere', 'AI Atlas 已全局关闭')
    : on
      ? t(`On for ${site}`, `已在 ${site} 启用`)
      : t(`Off for ${site}`, `已在 ${site} 关闭`);
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
        {t('Settings', '设置')}
      </a>
    </div>
  );
}

function PageView({ page, onOpen, tabId }: { page: PageState; onOpen: (id: string) => void; tabId: Promise<number | undefined> }) {
  if (page.kind === 'loading') return <p class="status">{t('Reading the page…', '正在读取页面…')}</p>;
  if (page.kind === 'unavailable') return <p class="status">{page.reason}</p>;
  const facts = page.facts;
  const jump = (id: string) =>
    void tabId.then((tab) => (tab === undefined ? undefined : sendToTab(tab, { type: 'page/jumpTo', id }).catch(() => undefined)));
  if (!facts.active) {
    return (
      <>
        <SiteSwitch url={facts.url} />
        <p class="status">{t('AI Atlas is not marking this page.', 'AI Atlas 未在此页面标记。')}</p>
      </>
    );
  }
  const entityCount = facts.groups.reduce((n, g) => n + g.items.length, 0);
  return (
    <>
      <p class="status" data-testid="page-summary">
        {facts.total === 0
          ? t('No cities, companies or policies from the dataset on this page.', '本页未发现数据集中的城市、企业或政策。')
          : t(`${entityCount} entities, ${facts.total} mentions`, `${entityCount} 个条目，共 ${facts.total} 处提及`)}
        {!facts.complete && t(' (still reading…)', '（仍在读取…）')}
      </p>
      <SiteSwitch url={facts.url} />
      <PageEntities facts={facts} lang={uiLanguage} onOpen={onOpen} onJump={jump} />
      <PageClippings url={facts.url} tabId={tabId} lang={uiLanguage} />
      {facts.dataset?.storage === 'memory' && (
        <p class="notice" role="status" data-testid="storage-notice">
          {t(
            'Browser storage is unavailable, so AI Atlas is using its built-in copy of the dataset. Everything still works; nothing is saved until storage is back.',
            '浏览器存储不可用，AI Atlas 正在使用内置数据副本。查询照常可用；存储恢复前不会保存任何内容。',
          )}{' '}
          ({facts.dataset.storageError})
        </p>
      )}
      {facts.dataset && (
        <footer class="foot">
          {t('Dataset', '数据集')} {facts.dataset.version.slice(0, 8)} · {facts.dataset.entityCount} {t('entities', '个条目')} ·{' '}
          {t('as of', '截至')} {facts.dataset.asOf}
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
  if (!state) return <p class="status">{t('Loading…', '加载中…')}</p>;
  if (!state.entity) return <p class="status">{t('Not in the dataset.', '数据集中没有此条目。')}</p>;
  return (
    <div class="entity-view">
      <EntityCard
        entity={state.entity}
        lang={uiLanguage}
        related={state.related}
        onOpen={onOpen}
        actions={[{ id: 'compare', label: t('Compare with…', '对比…'), run: onCompare }]}
      />
    </div>
  );
}

function CompareLoader({ a, b }: { a: string; b: string }) {
  const left = useEntity(a);
  const right = useEntity(b);
  if (!left || !right) return <p class="status">{t('Loading…', '加载中…')}</p>;
  if (!left.entity || !right.entity) return <p class="status">{t('Not in the dataset.', '数据集中没有此条目。')}</p>;
  return <CompareView a={left.entity} b={right.entity} lang={uiLanguage} />;
}
