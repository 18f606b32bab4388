import { useEffect, useState } from 'preact/hooks';
import { groupPageEntities, type PageFacts } from '@/lib/popup/page-facts';
import { sendToBackground, sendToTab } from '@/lib/messages/transport';
import { TYPE_LABELS, type UiLanguage } from '@/lib/text/labels';
import { EntityCard } from './EntityCard';

/** While the page is still being scanned, ask again this often. */
const RESCAN_POLL_MS = 400;

type State =
  | { kind: 'loading' }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'ready'; facts: PageFacts };

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

export function PopupApp({ tabId }: { tabId: Promise<number | undefined> }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [open, setOpen] = useState<string | undefined>();

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    const poll = async () => {
      const id = await tabId;
      if (id === undefined) return setState({ kind: 'unavailable', reason: t('No active tab.', '没有活动标签页。') });
      try {
        const facts = await loadPageFacts(id);
        if (cancelled) return;
        setState({ kind: 'ready', facts });
        if (!facts.complete) timer = setTimeout(poll, RESCAN_POLL_MS);
      } catch {
        if (!cancelled) {
          setState({
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

  return (
    <main class="popup" lang={uiLanguage === 'zh' ? 'zh-CN' : 'en'}>
      <header class="bar">
        <h1>AI Atlas</h1>
        <span class="sub">{t('On this page', '本页')}</span>
      </header>
      {state.kind === 'loading' && <p class="status">{t('Reading the page…', '正在读取页面…')}</p>}
      {state.kind === 'unavailable' && <p class="status">{state.reason}</p>}
      {state.kind === 'ready' && (
        <>
          <p class="status" data-testid="page-summary">
            {state.facts.total === 0
              ? t('No cities, companies or policies from the dataset on this page.', '本页未发现数据集中的城市、企业或政策。')
              : t(
                  `${state.facts.groups.reduce((n, g) => n + g.items.length, 0)} entities, ${state.facts.total} mentions`,
                  `${state.facts.groups.reduce((n, g) => n + g.items.length, 0)} 个条目，共 ${state.facts.total} 处提及`,
                )}
            {!state.facts.complete && t(' (still reading…)', '（仍在读取…）')}
          </p>
          <div data-testid="page-entities" class="groups">
            {state.facts.groups.map((group) => (
              <section key={group.type} class="group" data-entity-type={group.type}>
                <h2>{TYPE_LABELS[group.type].plural[uiLanguage]}</h2>
                <ul>
                  {group.items.map(({ entity, count }) => (
                    <li key={entity.id} data-entity-id={entity.id} class="item">
                      <button
                        type="button"
                        class="row"
                        aria-expanded={open === entity.id}
                        onClick={() => setOpen(open === entity.id ? undefined : entity.id)}
                      >
                        <span class="name">{entity.names.display}</span>
                        {entity.names.en && <span class="en">{entity.names.en}</span>}
                        <span class="count" title={t('mentions', '提及次数')}>
                          {count}
                        </span>
                      </button>
                      {open === entity.id && (
                        <EntityCard entity={entity} lang={uiLanguage} datasetVersion={state.facts.dataset?.version} />
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
          {state.facts.dataset?.storage === 'memory' && (
            <p class="notice" role="status" data-testid="storage-notice">
              {t(
                'Browser storage is unavailable, so AI Atlas is using its built-in copy of the dataset. Everything still works; nothing is saved until storage is back.',
                '浏览器存储不可用，AI Atlas 正在使用内置数据副本。查询照常可用；存储恢复前不会保存任何内容。',
              )}{' '}
              ({state.facts.dataset.storageError})
            </p>
          )}
          {state.facts.dataset && (
            <footer class="foot">
              {t('Dataset', '数据集')} {state.facts.dataset.version.slice(0, 8)} · {state.facts.dataset.entityCount}{' '}
              {t('entities', '个条目')} · {t('as of', '截至')} {state.facts.dataset.asOf}
            </footer>
          )}
        </>
      )}
    </main>
  );
}
