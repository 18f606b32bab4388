import type { EntityRecord } from '@/lib/data/bundle';
import type { RelatedLink } from '@/lib/messages/protocol';
import { attributeText, CARD_ATTRIBUTES } from '@/lib/text/attribute-labels';
import { msg } from '@/lib/i18n/messages';
import { pick, TYPE_LABELS, type UiLanguage } from '@/lib/text/labels';
import { safeHttpUrl } from '@/lib/text/safe-url';
import { useState } from 'preact/hooks';
import { RelatedList } from './RelatedList';

export interface CardAction {
  id: string;
  label: string;
  run: () => void;
}

export interface EntityCardProps {
  entity: EntityRecord;
  lang: UiLanguage;
  /** Show the Traditional name first: the reader's page writes it that way. */
  traditional?: boolean;
  datasetVersion?: string;
  related?: RelatedLink[];
  onOpen?: (id: string) => void;
  actions?: CardAction[];
  /** Other entities the mention could mean; choosing one replaces the card. */
  candidates?: { id: string; display: string }[];
  onChoose?: (id: string) => void;
}

/** The entity card (hover card and popup). All data is rendered as text; links only when http(s). */
export function EntityCard(props: EntityCardProps) {
  const { entity, lang, traditional, datasetVersion } = props;
  const chinese = traditional ? entity.names.displayHant : entity.names.display;
  const fullName = traditional ? entity.names.zhHant : entity.names.zhHans;
  const type = TYPE_LABELS[entity.type];
  const attributes = CARD_ATTRIBUTES[entity.type].filter(([key]) => {
    const v = entity.attributes[key];
    return v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);
  });
  const pinyin = entity.names.pinyin ?? (typeof entity.attributes.pinyin === 'string' ? entity.attributes.pinyin : undefined);
  const [showPinyin, setShowPinyin] = useState(false);
  return (
    <article class="card" data-testid="entity-card" data-entity-id={entity.id} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header>
        <div class="type">{lang === 'zh' ? type.zh : type.en}</div>
        <h2>
          <span class="zh" lang={traditional ? 'zh-TW' : 'zh-CN'}>
            {chinese}
          </span>
          {entity.names.en && (
            <span class="en" lang="en">
              {entity.names.en}
            </span>
          )}
        </h2>
        {pinyin && (
          <p class="pinyin-line">
            <button
              type="button"
              class="link pinyin-toggle"
              data-testid="show-pinyin"
              aria-expanded={showPinyin}
              onClick={() => setShowPinyin(!showPinyin)}
            >
              {msg(showPinyin ? 'hide_pinyin' : 'show_pinyin', lang)}
            </button>
            {showPinyin && (
              <span class="pinyin" data-testid="pinyin" lang="zh-Latn-pinyin">
                {pinyin}
              </span>
            )}
          </p>
        )}
        {fullName !== chinese && <p class="full-name">{fullName}</p>}
        {props.candidates && props.candidates.length > 0 && (
          <p class="candidates" data-testid="candidates">
            {msg('could_also_be', lang)}
            {props.candidates.map((c) => (
              <button type="button" class="chip" key={c.id} data-entity-id={c.id} onClick={() => props.onChoose?.(c.id)}>
                {c.display}
              </button>
            ))}
          </p>
        )}
        <p class="summary">{pick(entity.summary, lang)}</p>
      </header>
      {attributes.length > 0 && (
        <dl class="attributes">
          {attributes.map(([key, label]) => (
            <div key={key} class="attribute" data-attribute={key}>
              <dt>{lang === 'zh' ? label.zh : label.en}</dt>
              <dd>{attributeText(entity.attributes[key]!)}</dd>
            </div>
          ))}
        </dl>
      )}
      {props.related && <RelatedList links={props.related} lang={lang} onOpen={props.onOpen} />}
      <ul class="facts">
        {entity.facts.map((fact, i) => {
          const href = safeHttpUrl(fact.source.url);
          const sourceText = `${fact.source.publisher}, ${fact.source.date}`;
          return (
            <li key={i} class="fact">
              <span class="label">{pick(fact.label, lang)}</span>
              <span class="text">{pick(fact.text, lang)}</span>
              <span class="source">
                {href ? (
                  <a data-testid="fact-source" href={href} target="_blank" rel="noopener noreferrer" title={fact.source.title}>
                    {sourceText}
                  </a>
                ) : (
                  sourceText
                )}
                <span class="asof"> · {msg('as_of_date', lang, fact.asOf)}</span>
              </span>
            </li>
          );
        })}
      </ul>
      {props.actions && props.actions.length > 0 && (
        <div class="actions">
          {props.actions.map((a) => (
            <button type="button" key={a.id} data-action={a.id} onClick={a.run}>
              {a.label}
            </button>
          ))}
        </div>
      )}
      <footer>
        AI Atlas{datasetVersion ? ` · ${msg('dataset_version', lang, datasetVersion.slice(0, 8))}` : ''} · {msg('as_of_date', lang, entity.asOf)}
      </footer>
    </article>
  );
}
