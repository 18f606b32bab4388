import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '@/lib/data/build';
import { DatasetSearch } from '@/lib/search/dataset-search';
import { searchForm } from '@/lib/search/normalize-query';
import { entity, sampleEntities, toTraditional } from '../helpers/fixtures';

const entities = [
  ...sampleEntities,
  entity('company-moonshot', '月之暗面', { en: 'Moonshot AI', aliases: [{ text: 'Kimi', lang: 'en', caseSensitive: true }] }),
  entity('company-baidu', '百度', { en: 'Baidu' }),
];
const bundle = buildBundle(entities, toTraditional, 'now', {
  plain: (t) => pinyin(t, { toneType: 'none', type: 'string', nonZh: 'removed' }),
  toned: (t) => pinyin(t, { type: 'string', nonZh: 'consecutive' }),
});
const search = new DatasetSearch(bundle.entities);
const ids = (q: string) => search.search(q).map((h) => h.id);

describe('searchForm', () => {
  it('ignores tones, tone numbers, case, width and spacing', () => {
    expect(searchForm('Yuè zhī àn miàn')).toBe('yuezhianmian');
    expect(searchForm('yue4 zhi1 an4 mian4')).toBe('yuezhianmian');
    expect(searchForm('ＤｅｅｐＳｅｅｋ')).toBe('deepseek');
  });
});

describe('DatasetSearch', () => {
  it('finds by Simplified, Traditional and English names', () => {
    expect(ids('月之暗面')[0]).toBe('company-moonshot');
    expect(ids('蘇州')).toContain('place-320500');
    expect(ids('moonshot')[0]).toBe('company-moonshot');
    expect(ids('deep seek')[0]).toBe('company-deepseek');
  });

  it('finds by pinyin with or without tones, and by initials', () => {
    expect(ids('yuezhianmian')[0]).toBe('company-moonshot');
    expect(ids('yuè zhī àn miàn')[0]).toBe('company-moonshot');
    expect(ids('yzam')[0]).toBe('company-moonshot');
    expect(ids('suzhou')).toContain('place-320500');
  });

  it('ranks an exact name above a prefix above a substring', () => {
    expect(ids('苏州')[0]).toBe('place-320500');
    expect(ids('苏州').indexOf('park-suzhou-industrial-park')).toBeGreaterThan(0);
    expect(ids('工业园区')).toEqual(['park-suzhou-industrial-park']);
    expect(ids('')).toEqual([]);
  });
});
