import * as OpenCC from 'opencc-js';
import type { Entity } from '@/lib/data/schema';
import { buildBundle, buildNameIndex } from '@/lib/data/build';
import { collectVariantPairs } from '@/lib/data/variants';

export const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

const source = () => ({ url: 'https://example.org/page', publisher: 'Example Publisher', title: 'A page', date: '2025-01-02' });
const fact = (en: string) => ({ label: { en: 'Fact' }, text: { en }, source: source(), asOf: '2025-01-02' });

/** A tiny hand-made dataset for unit tests (not the shipped data: tests must not depend on its growth). */
export function entity(id: string, zhHans: string, extra: Partial<Entity> & { en?: string; aliases?: Entity['names']['aliases'] } = {}): Entity {
  const type = id.split('-')[0] as Entity['type'];
  const { en, aliases, ...rest } = extra;
  return {
    id,
    type,
    names: { zhHans, ...(en ? { en } : {}), aliases: aliases ?? [] },
    summary: { en: `${zhHans} summary` },
    attributes: {},
    relations: [],
    facts: [fact(`${zhHans} fact one`), fact(`${zhHans} fact two`)],
    ...rest,
  };
}

export const sampleEntities: Entity[] = [
  entity('place-320500', '苏州市', { en: 'Suzhou', aliases: [{ text: '苏州', lang: 'zh-Hans' }] }),
  entity('place-330100', '杭州市', { en: 'Hangzhou', aliases: [{ text: '杭州', lang: 'zh-Hans' }] }),
  entity('park-suzhou-industrial-park', '苏州工业园区', { en: 'Suzhou Industrial Park' }),
  entity('company-deepseek', '深度求索', {
    en: 'DeepSeek',
    aliases: [
      { text: 'DeepSeek', lang: 'en' },
      { text: 'deep seek', lang: 'en' },
    ],
  }),
  entity('company-ant', '蚂蚁集团', { en: 'Ant Group', aliases: [{ text: 'Ant', lang: 'en', caseSensitive: true }] }),
  entity('company-momenta', '魔门塔', { aliases: [{ text: 'Momenta', lang: 'en', caseSensitive: true }] }),
  entity('org-one-char', '苏', { aliases: [{ text: '江', lang: 'zh-Hans' }] }),
  entity('policy-fund', '百亿人才基金', { aliases: [{ text: '人才基金', lang: 'zh-Hans', noMatch: true }] }),
];

export const sampleBundle = () => buildBundle(sampleEntities, toTraditional, '2025-01-01T00:00:00.000Z');
export function indexOf(entities: Entity[], blockers: string[] = []) {
  const bundle = buildBundle(entities, toTraditional, 'test');
  const aliases = bundle.entities.flatMap((e) => e.names.aliases);
  const variants = collectVariantPairs(
    aliases.filter((a) => a.lang !== 'zh-Hant').map((a) => a.text),
    aliases.filter((a) => a.lang === 'zh-Hant').map((a) => a.text),
    {
      toTraditional: [toTraditional, OpenCC.Converter({ from: 'cn', to: 'hk' })],
      toSimplified: OpenCC.Converter({ from: 'tw', to: 'cn' }),
    },
  );
  return buildNameIndex(bundle, variants, blockers);
}

export const sampleIndex = () => indexOf(sampleEntities, ['苏州河']);
