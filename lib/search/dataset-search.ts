import type { EntityRecord } from '../data/bundle';
import type { EntityType } from '../data/schema';
import { searchForm } from './normalize-query';

/** What a search result carries to the popup: enough to list it, not the facts. */
export interface SearchHit {
  id: string;
  type: EntityType;
  display: string;
  en?: string;
  summary: { en: string; zh?: string };
  level?: string;
}

/** Results are capped: the list is for picking, not browsing. */
export const MAX_SEARCH_RESULTS = 20;

/** Among equal matches, the kinds readers look for most come first; county-level places last. */
const TYPE_RANK: Record<EntityType, number> = { company: 5, policy: 4, park: 3, org: 3, place: 2 };
const MINOR_PLACE = new Set(['district', 'county-level city', 'county', 'banner', 'zone']);

interface Entry {
  keys: string[];
  hit: SearchHit;
  rank: number;
}

/** Dataset search over precomputed keys (names in both scripts, English, pinyin, initials), ranked. */
export class DatasetSearch {
  private readonly entries: Entry[];

  constructor(records: Iterable<EntityRecord>) {
    this.entries = [];
    for (const r of records) {
      const hit = hitOf(r);
      this.entries.push({ keys: r.searchKeys, rank: TYPE_RANK[r.type] - (hit.level && MINOR_PLACE.has(hit.level) ? 1 : 0), hit });
    }
  }

  get size(): number {
    return this.entries.length;
  }

  search(query: string, limit = MAX_SEARCH_RESULTS, type?: EntityType): SearchHit[] {
    const q = searchForm(query);
    if (!q) return [];
    const scored: { score: number; entry: Entry }[] = [];
    for (const entry of this.entries) {
      if (type && entry.hit.type !== type) continue;
      let best = 0;
      for (const key of entry.keys) {
        let s = 0;
        if (key === q) s = 300;
        else if (key.startsWith(q)) s = 200 - Math.min(key.length - q.length, 50);
        else if (q.length >= 2 && key.includes(q)) s = 100 - Math.min(key.length - q.length, 50);
        if (s > best) best = s;
      }
      if (best > 0) scored.push({ score: best * 10 + entry.rank, entry });
    }
    scored.sort((a, b) => b.score - a.score || a.entry.hit.display.length - b.entry.hit.display.length);
    return scored.slice(0, limit).map((s) => s.entry.hit);
  }
}

/** What a list shows of an entity: names, type, summary, level. */
export function hitOf(r: EntityRecord): SearchHit {
  const level = typeof r.attributes.level === 'string' ? r.attributes.level : undefined;
  return {
    id: r.id,
    type: r.type,
    display: r.names.display,
    ...(r.names.en ? { en: r.names.en } : {}),
    summary: r.summary,
    ...(level ? { level } : {}),
  };
}
