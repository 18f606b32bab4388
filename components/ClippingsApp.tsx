import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { msg, type Lang, type MessageKey } from '@/lib/i18n/messages';
import { useUiLanguage } from './use-language';
import { ENTITY_TYPES } from '@/lib/data/schema';
import { TYPE_LABELS } from '@/lib/text/labels';
import { toCsv, toJson, toJsonLd, toMarkdown } from '@/lib/clippings/export';
import { facets, filterClippings, type ClippingFilter } from '@/lib/clippings/filter';
import { parseTags, type Clipping } from '@/lib/clippings/schema';
import type { AtlasDatabase } from '@/lib/db/database';
import { newestClippings } from '@/lib/db/newest-clippings';
import { FIRST_SCREEN_ROWS, takeFirstScreenRead } from '@/lib/db/first-screen';
import { CLIPPING_FRAGMENT } from './clipping-session';

/** Rows are a fixed height so that only the visible ones are rendered, however many clippings there are. */
const ROW_HEIGHT = 168;
/** Rows rendered beyond the visible window, so fast scrolling shows no gaps. */
const OVERSCAN_ROWS = 6;

/** The newest clippings, enough for the first screen (started by the page before it renders anything). */
export function readFirstScreen(db: () => Promise<AtlasDatabase>, name: string): Promise<Clipping[]> {
  const early = takeFirstScreenRead();
  if (!early) performance.mark('atlas:query');
  return newestClippings(db, FIRST_SCREEN_ROWS, name, early).finally(() => performance.mark('atlas:queried'));
}
/** How long "Undo" stays offered after a delete. */
const UNDO_MS = 8000;


function download(name: string, type: string, chunks: Iterable<string>) {
  const url = URL.createObjectURL(new Blob([...chunks], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface ClippingsAppProps {
  /** The database, still loading (Dexie is not needed for the first screen, so it loads alongside it). */
  db: Promise<AtlasDatabase>;
  /** Its name, for the first screen's own read. */
  name: string;
  firstScreen?: Promise<Clipping[]>;
}

export function ClippingsApp({ db: loading, name: databaseName, firstScreen }: ClippingsAppProps) {
  const lang = useUiLanguage();
  const t = (key: MessageKey, ...subs: string[]) => msg(key, lang, ...subs);
  const [all, setAll] = useState<Clipping[] | undefined>();
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [filter, setFilter] = useState<ClippingFilter>({ query: '' });
  const [message, setMessage] = useState<{ text: string; error?: boolean } | undefined>();
  const [undo, setUndo] = useState<Clipping | undefined>();
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(800);
  const listRef = useRef<HTMLDivElement>(null);

  const reload = async (firstRows = readFirstScreen(() => loading, databaseName)) => {
    const first = await firstRows;
    setAll((prev) => prev ?? first);
    // Let the first screen paint before the whole library is read (50,000 rows take a while to deserialise).
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const db = await loading;
    const everything = await db.clippings.orderBy('createdAt').reverse().toArray();
    setAll(everything);
    const ids = [...new Set(everything.flatMap((c) => c.entityIds))];
    const rows = await db.entities.bulkGet(ids).catch(() => []);
    setNames(new Map(rows.filter((r) => !!r).map((r) => [r!.id, r!.names.display])));
  };
  useEffect(() => {
    void reload(firstScreen).catch((err: unknown) => setMessage({ text: `${t('could_not_read_clippings')}: ${String(err)}`, error: true }));
    const onResize = () => setHeight(listRef.current?.clientHeight ?? 800);
    onResize();
    addEventListener('resize', onResize);
    return () => removeEventListener('resize', onResize);
  }, []);

  const shown = useMemo(() => (all ? filterClippings(all, filter) : []), [all, filter]);
  const options = useMemo(() => facets(all ?? []), [all]);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN_ROWS);
  const last = Math.min(shown.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN_ROWS);
  const name = (id: string) => names.get(id) ?? id;

  const update = async (c: Clipping, patch: Partial<Clipping>) => {
    const next = { ...c, ...patch, updatedAt: new Date().toISOString() };
    try {
      await (await loading).clippings.put(next);
      setAll((list) => list?.map((x) => (x.id === c.id ? next : x)));
    } catch (err) {
      setMessage({ text: `${t('not_saved')}: ${String(err)}`, error: true });
    }
  };
  const remove = async (c: Clipping) => {
    await (await loading).clippings.delete(c.id);
    setAll((list) => list?.filter((x) => x.id !== c.id));
    setUndo(c);
    setTimeout(() => setUndo((u) => (u?.id === c.id ? undefined : u)), UNDO_MS);
  };
  const restore = async () => {
    if (!undo) return;
    await (await loading).clippings.put(undo);
    setUndo(undefined);
    await reload();
  };
  const doImport = async (file: File) => {
    // The importer (and the zod it validates with) loads when a file is chosen: most visits never import.
    const { parseImport } = await import('@/lib/clippings/import');
    const result = parseImport(await file.text());
    if (!result.ok) {
      setMessage({ text: `${t('nothing_imported')}: ${result.error}`, error: true });
      return;
    }
    const db = await loading;
    const existing = new Set(await db.clippings.toCollection().primaryKeys());
    try {
      await db.clippings.bulkPut(result.clippings);
    } catch (err) {
      setMessage({ text: `${t('nothing_imported')}: ${String(err)}`, error: true });
      return;
    }
    const added = result.clippings.filter((c) => !existing.has(c.id)).length;
    setMessage({ text: t('imported_n_clippings', String(result.clippings.length), String(added)) });
    await reload();
  };
  const stamp = () => new Date().toISOString();

  return (
    <main class="clippings" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header>
        <h1>{t('clippings')}</h1>
        <div class="tools">
          <input
            type="search"
            data-testid="clippings-search"
            aria-label={t('search_clippings')}
            placeholder={t('search_quotes_and_notes')}
            value={filter.query}
            onInput={(e) => setFilter({ ...filter, query: (e.target as HTMLInputElement).value })}
          />
          <select aria-label={t('site')} data-testid="filter-site" value={filter.site ?? ''} onChange={(e) => setFilter({ ...filter, site: (e.target as HTMLSelectElement).value || undefined })}>
            <option value="">{t('all_sites')}</option>
            {options.sites.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <select aria-label={t('tag')} data-testid="filter-tag" value={filter.tag ?? ''} onChange={(e) => setFilter({ ...filter, tag: (e.target as HTMLSelectElement).value || undefined })}>
            <option value="">{t('all_tags')}</option>
            {options.tags.map((s) => (
              <option key={s} value={s}>
                #{s}
              </option>
            ))}
          </select>
          <select aria-label={t('entity')} data-testid="filter-entity" value={filter.entity ?? ''} onChange={(e) => setFilter({ ...filter, entity: (e.target as HTMLSelectElement).value || undefined })}>
            <option value="">{t('all_entities')}</option>
            {options.entities.map((s) => (
              <option key={s} value={s}>
                {name(s)}
              </option>
            ))}
          </select>
          <select aria-label={t('label_type')} data-testid="filter-type" value={filter.type ?? ''} onChange={(e) => setFilter({ ...filter, type: (e.target as HTMLSelectElement).value || undefined })}>
            <option value="">{t('all_types')}</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {lang === 'zh' ? TYPE_LABELS[type].plural.zh : TYPE_LABELS[type].plural.en}
              </option>
            ))}
          </select>
          <input type="date" aria-label={t('from')} value={filter.from ?? ''} onChange={(e) => setFilter({ ...filter, from: (e.target as HTMLInputElement).value || undefined })} />
          <input type="date" aria-label={t('to')} value={filter.to ?? ''} onChange={(e) => setFilter({ ...filter, to: (e.target as HTMLInputElement).value || undefined })} />
        </div>
        <div class="tools">
          <span class="count" data-testid="clippings-count">
            {all ? t('n_of_m', String(shown.length), String(all.length)) : '…'}
          </span>
          <button type="button" data-testid="export-md" onClick={() => download('ai-atlas-clippings.md', 'text/markdown', toMarkdown(shown, stamp(), name))}>
            Markdown
          </button>
          <button type="button" data-testid="export-csv" onClick={() => download('ai-atlas-clippings.csv', 'text/csv', toCsv(shown))}>
            CSV
          </button>
          <button type="button" data-testid="export-json" onClick={() => download('ai-atlas-clippings.json', 'application/json', toJson(shown, stamp()))}>
            JSON
          </button>
          <button type="button" data-testid="export-jsonld" onClick={() => download('ai-atlas-clippings.jsonld', 'application/ld+json', toJsonLd(shown, stamp()))}>
            Web Annotation
          </button>
          <label class="import">
            {t('import')}
            <input
              type="file"
              data-testid="import-file"
              accept=".json,.jsonld,application/json,application/ld+json"
              onChange={(e) => {
                const file = (e.target as HTMLInputElement).files?.[0];
                if (file) void doImport(file);
                (e.target as HTMLInputElement).value = '';
              }}
            />
          </label>
        </div>
        {message && (
          <p class={message.error ? 'message error' : 'message'} role="status" data-testid="clippings-message">
            {message.text}
          </p>
        )}
        {undo && (
          <p class="message" role="status">
            {t('clipping_deleted')}{' '}
            <button type="button" data-testid="undo" onClick={() => void restore()}>
              {t('undo')}
            </button>
          </p>
        )}
      </header>
      <div class="list" ref={listRef} onScroll={(e) => setScrollTop((e.target as HTMLDivElement).scrollTop)}>
        {all && shown.length === 0 && <p class="empty">{all.length ? t('no_clipping_matches') : t('no_clippings_yet_select_text_on_a_page_a')}</p>}
        <div style={{ height: `${shown.length * ROW_HEIGHT}px`, position: 'relative' }}>
          {shown.slice(first, last).map((c, i) => (
            <ClippingRow key={c.id} clipping={c} lang={lang} top={(first + i) * ROW_HEIGHT} name={name} onUpdate={(p) => void update(c, p)} onDelete={() => void remove(c)} />
          ))}
        </div>
      </div>
    </main>
  );
}

function ClippingRow(props: { clipping: Clipping; top: number; lang: Lang; name: (id: string) => string; onUpdate: (p: Partial<Clipping>) => void; onDelete: () => void }) {
  const c = props.clipping;
  const t = (key: MessageKey) => msg(key, props.lang);
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(c.note);
  const [tags, setTags] = useState(c.tags.join(', '));
  return (
    <article class="clipping" data-testid="clipping" data-clipping-id={c.id} style={{ top: `${props.top}px`, height: `${ROW_HEIGHT - 8}px` }}>
      <blockquote>{c.quote.exact}</blockquote>
      {editing ? (
        <form
          class="edit"
          onSubmit={(e) => {
            e.preventDefault();
            props.onUpdate({ note, tags: parseTags(tags) });
            setEditing(false);
          }}
        >
          <textarea aria-label={t('note')} data-testid="edit-note" value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
          <input aria-label={t('tags')} data-testid="edit-tags" value={tags} onInput={(e) => setTags((e.target as HTMLInputElement).value)} />
          <button type="submit" data-testid="save-edit">
            {t('save')}
          </button>
        </form>
      ) : (
        c.note && <p class="note">{c.note}</p>
      )}
      <p class="meta">
        {c.entityIds.map((id) => (
          <span class="chip" key={id} data-entity-id={id}>
            {props.name(id)}
          </span>
        ))}
        {c.tags.map((tag) => (
          <span class="tag" key={tag}>
            #{tag}
          </span>
        ))}
      </p>
      <p class="meta">
        <a href={`${c.url}${CLIPPING_FRAGMENT}${encodeURIComponent(c.id)}`} target="_blank" rel="noopener noreferrer" data-testid="open-source">
          {c.title || c.site}
        </a>{' '}
        · {c.createdAt.slice(0, 16).replace('T', ' ')}{' '}
        <button type="button" data-testid="edit-clipping" onClick={() => setEditing(!editing)}>
          {t('edit')}
        </button>{' '}
        <button type="button" data-testid="delete-clipping" onClick={props.onDelete}>
          {t('delete')}
        </button>
      </p>
    </article>
  );
}
