import type { EntityType } from '../data/schema';
import type { DatasetInfo, PageMentions, SearchHit } from '../messages/protocol';
import { TYPE_ORDER } from '../text/labels';

export interface PageEntity {
  /** What the list shows (names, type); the full record is fetched when the reader opens it. */
  entity: SearchHit;
  count: number;
}

export interface PageFacts {
  url: string;
  complete: boolean;
  active: boolean;
  groups: { type: EntityType; items: PageEntity[] }[];
  total: number;
  dataset: DatasetInfo | null;
}

/** Group the page's mentions by type (fixed order), most-mentioned first within a group. */
export function groupPageEntities(
  mentions: PageMentions,
  entities: SearchHit[],
  dataset: DatasetInfo | null,
): PageFacts {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const groups = TYPE_ORDER.map((type) => ({ type, items: [] as PageEntity[] }));
  let total = 0;
  for (const { id, count } of mentions.mentions) {
    const entity = byId.get(id);
    if (!entity) continue;
    groups.find((g) => g.type === entity.type)!.items.push({ entity, count });
    total += count;
  }
  for (const g of groups) g.items.sort((a, b) => b.count - a.count || a.entity.id.localeCompare(b.entity.id));
  return {
    url: mentions.url,
    complete: mentions.complete,
    active: mentions.active,
    groups: groups.filter((g) => g.items.length),
    total,
    dataset,
  };
}
