import { describe, expect, it } from 'vitest';
import { NameMatcher } from '@/lib/match/matcher';
import { sampleIndex } from '../helpers/fixtures';

const index = sampleIndex();
const matcher = new NameMatcher(index);
const found = (text: string) =>
  matcher.find(text).map((m) => ({ id: index.ids[m.entity], surface: text.slice(m.start, m.end), start: m.start }));

describe('NameMatcher', () => {
  it('prefers the longest name at a position (苏州工业园区 over 苏州)', () => {
    expect(found('他在苏州工业园区工作，也常去苏州。')).toEqual([
      { id: 'park-suzhou-industrial-park', surface: '苏州工业园区', start: 2 },
      { id: 'place-320500', surface: '苏州', start: 14 },
    ]);
  });

  it('finds Traditional spellings generated at build time', () => {
    expect(found('蘇州工業園區與杭州').map((m) => m.id)).toEqual(['park-suzhou-industrial-park', 'place-330100']);
  });

  it('folds case and full-width Latin but keeps offsets into the original text', () => {
    const text = '报道提到ＤｅｅｐＳｅｅｋ和DEEPSEEK，以及 deep seek。';
    const ms = found(text);
    expect(ms.map((m) => m.surface)).toEqual(['ＤｅｅｐＳｅｅｋ', 'DEEPSEEK', 'deep seek']);
    expect(ms.every((m) => text.slice(m.start, m.start + m.surface.length) === m.surface)).toBe(true);
  });

  it('matches Latin names on word boundaries only', () => {
    const text = 'an important deepseeker and DeepSeekV3 vs DeepSeek-V3';
    expect(found(text)).toEqual([{ id: 'company-deepseek', surface: 'DeepSeek', start: text.lastIndexOf('DeepSeek') }]);
  });

  it('honours case-sensitive aliases that are common words', () => {
    expect(found('ant colonies; Ant Group; the Ant app; momenta in physics; Momenta drives').map((m) => m.surface)).toEqual([
      'Ant Group',
      'Ant',
      'Momenta',
    ]);
  });

  it('never matches one-character names or noMatch aliases', () => {
    expect(found('苏 江 人才基金')).toEqual([]);
    expect(found('百亿人才基金').map((m) => m.id)).toEqual(['policy-fund']);
  });
});
