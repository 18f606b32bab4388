import type { Clipping } from './schema';

export interface ClippingFilter {
  query: string;
  site?: string;
  tag?: string;
  entity?: string;
  /** An entity type: clippings that mention at least one entity of it (ids start with their type). */
  type?: string;
  /** Inclusive ISO dates (YYYY-MM-DD). */
  from?: string;
  to?: string;
}

/** Full-text over quote and note (case-insensitive), then the facets. Input order (newest first) is kept. */
export function filterClippings(list: readonly Clipping[], f: ClippingFilter): Clipping[] {
  const q = f.query.trim().toLowerCase();
  return list.filter(
    (c) =>
      (!q || c.quote.exact.toLowerCase().includes(q) || c.note.toLowerCase().includes(q) || c.title.toLowerCase().includes(q)) &&
      (!f.site || c.site === f.site) &&
      (!f.tag || c.tags.includes(f.tag)) &&
      (!f.entity || c.entityIds.includes(f.entity)) &&
      (!f.type || c.entityIds.some((id) => id.startsWith(`${f.type}-`))) &&
      (!f.from || c.createdAt.slice(0, 10) >= f.from) &&
      (!f.to || c.createdAt.slice(0, 10) <= f.to),
  );
}

/** The values each facet can take in the list, most used first. */
export function facets(list: readonly Clipping[]): { sites: string[]; tags: string[]; entities: string[] } {
  const count = (values: Iterable<string>) => {
    const m = new Map<string, number>();
    for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1]).map(([v]) => v);
  };
  return {
    sites: count(list.map((c) => c.site)),
    tags: count(list.flatMap((c) => c.tags)),
    entities: count(list.flatMap((c) => c.entityIds)),
  };
}
