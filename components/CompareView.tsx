import type { EntityRecord } from '@/lib/data/bundle';
import { attributeText, CARD_ATTRIBUTES } from '@/lib/text/attribute-labels';
import { msg } from '@/lib/i18n/messages';
import { pick, type UiLanguage } from '@/lib/text/labels';
import { safeHttpUrl } from '@/lib/text/safe-url';

/** Two entities of one type side by side: attributes row by row, then each one's facts with sources. */
export function CompareView({ a, b, lang }: { a: EntityRecord; b: EntityRecord; lang: UiLanguage }) {
  const rows = CARD_ATTRIBUTES[a.type].filter(([key]) => a.attributes[key] !== undefined || b.attributes[key] !== undefined);
  const cell = (e: EntityRecord, key: string) => {
    const v = e.attributes[key];
    return v === undefined ? '—' : attributeText(v);
  };
  return (
    <section class="compare" data-testid="compare">
      <table>
        <thead>
          <tr>
            <th />
            {[a, b].map((e) => (
              <th key={e.id} data-entity-id={e.id}>
                {e.names.display}
                {e.names.en && <span class="en"> {e.names.en}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th>{msg('summary', lang)}</th>
            <td>{pick(a.summary, lang)}</td>
            <td>{pick(b.summary, lang)}</td>
          </tr>
          {rows.map(([key, label]) => (
            <tr key={key}>
              <th>{lang === 'zh' ? label.zh : label.en}</th>
              <td>{cell(a, key)}</td>
              <td>{cell(b, key)}</td>
            </tr>
          ))}
          <tr class="facts-row">
            <th>{msg('facts', lang)}</th>
            {[a, b].map((e) => (
              <td key={e.id}>
                <ul>
                  {e.facts.map((f, i) => {
                    const href = safeHttpUrl(f.source.url);
                    return (
                      <li key={i}>
                        <strong>{pick(f.label, lang)}</strong> {pick(f.text, lang)}{' '}
                        {href ? (
                          <a data-testid="fact-source" href={href} target="_blank" rel="noopener noreferrer">
                            {f.source.publisher}, {f.source.date}
                          </a>
                        ) : (
                          `${f.source.publisher}, ${f.source.date}`
                        )}
                      </li>
                    );
                  })}
                </ul>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  );
}
