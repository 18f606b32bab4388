import type { RelatedLink } from '@/lib/messages/protocol';
import { RELATED_PER_GROUP, RELATION_LABELS } from '@/lib/text/attribute-labels';
import type { UiLanguage } from '@/lib/text/labels';

/** Related entities grouped by how they relate ("Companies based here", "Applies to" ...), each one walkable. */
export function RelatedList({ links, lang, onOpen }: { links: RelatedLink[]; lang: UiLanguage; onOpen?: (id: string) => void }) {
  const groups = new Map<string, RelatedLink[]>();
  // "Related" is the catch-all: an entity already shown under a precise relation is not repeated there.
  const precise = new Set(links.filter((l) => l.kind !== 'related').map((l) => l.entity.id));
  for (const link of links) {
    if (link.kind === 'related' && precise.has(link.entity.id)) continue;
    const key = `${link.direction}:${link.kind}`;
    const list = groups.get(key) ?? [];
    list.push(link);
    groups.set(key, list);
  }
  if (groups.size === 0) return null;
  return (
    <section class="related" data-testid="related">
      {[...groups].map(([key, list]) => {
        const first = list[0]!;
        const label = RELATION_LABELS[first.kind][first.direction];
        const shown = list.slice(0, RELATED_PER_GROUP);
        return (
          <div class="related-group" key={key} data-relation={key}>
            <span class="label">{lang === 'zh' ? label.zh : label.en}</span>
            <span class="related-items">
              {shown.map((l) =>
                onOpen ? (
                  <button type="button" class="chip" data-entity-id={l.entity.id} onClick={() => onOpen(l.entity.id)} title={l.entity.en ?? ''}>
                    {l.entity.display}
                  </button>
                ) : (
                  <span class="chip" data-entity-id={l.entity.id}>
                    {l.entity.display}
                  </span>
                ),
              )}
              {list.length > shown.length && <span class="more">+{list.length - shown.length}</span>}
            </span>
          </div>
        );
      })}
    </section>
  );
}
