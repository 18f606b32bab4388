import type { PageFacts } from '@/lib/popup/page-facts';
import { msg } from '@/lib/i18n/messages';
import { TYPE_LABELS, type UiLanguage } from '@/lib/text/labels';

/** "On this page": every entity found, grouped by type, most mentioned first. Stable hook: page-entities. */
export function PageEntities({
  facts,
  lang,
  onOpen,
  onJump,
}: {
  facts: PageFacts;
  lang: UiLanguage;
  onOpen: (id: string) => void;
  onJump: (id: string) => void;
}) {
  return (
    <div data-testid="page-entities" class="groups">
      {facts.groups.map((group) => (
        <section key={group.type} class="group" data-entity-type={group.type}>
          <h2>{TYPE_LABELS[group.type].plural[lang]}</h2>
          <ul>
            {group.items.map(({ entity, count }) => (
              <li key={entity.id} data-entity-id={entity.id} class="item">
                <button type="button" class="row" onClick={() => onOpen(entity.id)}>
                  <span class="name">{entity.display}</span>
                  {entity.en && <span class="en">{entity.en}</span>}
                  <span class="count" title={msg('mentions', lang)}>
                    {count}
                  </span>
                </button>
                <button
                  type="button"
                  class="jump"
                  data-action="jump"
                  title={msg('jump_to_next_mention', lang)}
                  aria-label={msg('jump_to_name', lang, entity.display)}
                  onClick={() => onJump(entity.id)}
                >
                  ↧
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
