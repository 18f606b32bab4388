import type { EntityRecord } from '@/lib/data/bundle';
import { pick, TYPE_LABELS, type UiLanguage } from '@/lib/text/labels';
import { safeHttpUrl } from '@/lib/text/safe-url';

export interface EntityCardProps {
  entity: EntityRecord;
  lang: UiLanguage;
  /** Show the Traditional name first: the reader's page writes it that way. */
  traditional?: boolean;
  datasetVersion?: string;
}

/** The hover card's content. All data is rendered as text; links only when http(s). */
export function EntityCard({ entity, lang, traditional, datasetVersion }: EntityCardProps) {
  const chinese = traditional ? entity.names.displayHant : entity.names.display;
  const fullName = traditional ? entity.names.zhHant : entity.names.zhHans;
  const type = TYPE_LABELS[entity.type];
  return (
    <article class="card" data-testid="entity-card" data-entity-id={entity.id} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header>
        <div class="type">{lang === 'zh' ? type.zh : type.en}</div>
        <h2>
          <span class="zh" lang={traditional ? 'zh-TW' : 'zh-CN'}>{chinese}</span>
          {entity.names.en && <span class="en" lang="en">{entity.names.en}</span>}
        </h2>
        {fullName !== chinese && <p class="full-name">{fullName}</p>}
        <p class="summary">{pick(entity.summary, lang)}</p>
      </header>
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
                <span class="asof">{lang === 'zh' ? ` · 截至 ${fact.asOf}` : ` · as of ${fact.asOf}`}</span>
              </span>
            </li>
          );
        })}
      </ul>
      <footer>
        AI Atlas{datasetVersion ? ` · ${lang === 'zh' ? '数据版本' : 'dataset'} ${datasetVersion.slice(0, 8)}` : ''} ·{' '}
        {lang === 'zh' ? `截至 ${entity.asOf}` : `as of ${entity.asOf}`}
      </footer>
    </article>
  );
}
