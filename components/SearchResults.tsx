import type { SearchHit } from '@/lib/messages/protocol';
import { msg } from '@/lib/i18n/messages';
import { pick, TYPE_LABELS, type UiLanguage } from '@/lib/text/labels';

/** Dataset search results. Stable hook: each result is data-testid="search-result" with data-entity-id. */
export function SearchResults({ hits, lang, onOpen }: { hits: SearchHit[]; lang: UiLanguage; onOpen: (id: string) => void }) {
  if (hits.length === 0) return <p class="status">{msg('nothing_found', lang)}</p>;
  return (
    <ul class="results" role="listbox">
      {hits.map((hit) => (
        <li key={hit.id} data-testid="search-result" data-entity-id={hit.id}>
          <button type="button" class="row result" onClick={() => onOpen(hit.id)}>
            <span class="line">
              <span class="name">{hit.display}</span>
              {hit.en && <span class="en">{hit.en}</span>}
              <span class="kind">{lang === 'zh' ? TYPE_LABELS[hit.type].zh : TYPE_LABELS[hit.type].en}</span>
            </span>
            <span class="hint">{pick(hit.summary, lang)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
