import type { EntityRecord } from '../data/bundle';
import { msg } from '../i18n/messages';
import { attributeText, CARD_ATTRIBUTES } from './attribute-labels';
import { pick, TYPE_LABELS, type UiLanguage } from './labels';

/** The entity as plain text with every fact's source, for the clipboard ("copy as text with sources"). */
export function entityAsText(entity: EntityRecord, lang: UiLanguage): string {
  const lines: string[] = [];
  const type = TYPE_LABELS[entity.type];
  lines.push(`${entity.names.display}${entity.names.en ? ` (${entity.names.en})` : ''} — ${lang === 'zh' ? type.zh : type.en}`);
  lines.push(pick(entity.summary, lang));
  for (const [key, label] of CARD_ATTRIBUTES[entity.type]) {
    const value = entity.attributes[key];
    if (value !== undefined && value !== '') lines.push(`${lang === 'zh' ? label.zh : label.en}: ${attributeText(value)}`);
  }
  lines.push('');
  entity.facts.forEach((fact, i) => {
    lines.push(`${i + 1}. ${pick(fact.text, lang)} (${msg('as_of_date', lang, fact.asOf)})`);
    lines.push(`   ${fact.source.publisher}, ${fact.source.date}: ${fact.source.url}`);
  });
  lines.push('', `— AI Atlas, ${msg('as_of_date', lang, entity.asOf)}`);
  return lines.join('\n');
}
