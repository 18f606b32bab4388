import type { PageFacts } from '@/lib/popup/page-facts';
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
                  <span class="name">{entity.names.display}</span>
                  {entity.names.en && <span class="en">{entity.names.en}</span>}
                  <span class="count" title={lang === 'zh' ? '提及次数' : 'mentions'}>
                    {count}
                  </span>
                </button>
                <button
                  type="button"
                  class="jump"
                  data-action="jump"
                  title={lang === 'zh' ? '跳到下一处提及' : 'Jump to the next mention'}
                  aria-label={lang === 'zh' ? `跳到 ${entity.names.display}` : `Jump to ${entity.names.display}`}
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
