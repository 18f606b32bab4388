import { describe, expect, it } from 'vitest';
import { Automaton } from '@/lib/match/automaton';
import { entity, indexOf, sampleIndex } from '../helpers/fixtures';

const index = sampleIndex();
const automaton = Automaton.build(index.names, index.variants);
const found = (text: string, a = automaton, ids = index.ids) =>
  a.find(text).map((m) => ({ id: ids[m.entity], surface: text.slice(m.start, m.end), start: m.start }));
const surfaces = (text: string) => found(text).map((m) => m.surface);

describe('Automaton: leftmost-longest', () => {
  it('prefers the longest name at a position (苏州工业园区 over 苏州)', () => {
    expect(found('他在苏州工业园区工作，也常去苏州。')).toEqual([
      { id: 'park-suzhou-industrial-park', surface: '苏州工业园区', start: 2 },
      { id: 'place-320500', surface: '苏州', start: 14 },
    ]);
  });

  it('takes the leftmost match when two overlap, then continues after it', () => {
    const idx = indexOf([
      entity('place-110000', '北京市', { aliases: [{ text: '北京', lang: 'zh-Hans' }] }),
      entity('place-110108', '海淀区', { aliases: [{ text: '海淀', lang: 'zh-Hans' }] }),
      entity('place-110108-full', '北京市海淀区'),
      entity('place-320600', '南通市', { aliases: [{ text: '南通', lang: 'zh-Hans' }] }),
      entity('place-110112', '通州区', { aliases: [{ text: '通州', lang: 'zh-Hans' }] }),
    ].map((e) => (e.id === 'place-110108-full' ? { ...e, id: 'place-110199' } : e)));
    const a = Automaton.build(idx.names, idx.variants);
    const f = (t: string) => a.find(t).map((m) => `${idx.ids[m.entity]}:${t.slice(m.start, m.end)}`);
    expect(f('公司位于北京市海淀区中关村')).toEqual(['place-110199:北京市海淀区']);
    expect(f('北京的海淀')).toEqual(['place-110000:北京', 'place-110108:海淀']);
    // 南通州: the leftmost name (南通) wins, so 通州 inside it is not reported.
    expect(f('清代的南通州即今南通；北京通州区')).toEqual(['place-320600:南通', 'place-320600:南通', 'place-110000:北京', 'place-110112:通州区']);
  });
});

describe('Automaton: normalisation keeps offsets into the original text', () => {
  it('matches Traditional spellings through the variant table', () => {
    expect(found('蘇州工業園區與杭州、蘇州').map((m) => m.id)).toEqual([
      'park-suzhou-industrial-park',
      'place-330100',
      'place-320500',
    ]);
  });

  it('folds case and full-width Latin', () => {
    const text = '报道提到ＤｅｅｐＳｅｅｋ和DEEPSEEK，以及deepseek。';
    const ms = found(text);
    expect(ms.map((m) => m.surface)).toEqual(['ＤｅｅｐＳｅｅｋ', 'DEEPSEEK', 'deepseek']);
    for (const m of ms) expect(text.indexOf(m.surface)).toBe(m.start);
  });

  it('lets whitespace sit inside a Latin name: deep seek, Deep Seek, DeepSeek', () => {
    expect(found('deep seek, Deep Seek and DeepSeek; but not deep\n\n\n\n\nseek').map((m) => m.surface)).toEqual([
      'deep seek',
      'Deep Seek',
      'DeepSeek',
    ]);
    expect(surfaces('2025年，deep seek占据焦点')).toEqual(['deep seek']);
  });
});

describe('Automaton: guards against false positives', () => {
  it('matches Latin names on word boundaries only', () => {
    const text = 'an important deepseeker and DeepSeekV3 vs DeepSeek-V3';
    expect(found(text)).toEqual([{ id: 'company-deepseek', surface: 'DeepSeek', start: text.lastIndexOf('DeepSeek') }]);
  });

  it('honours case-sensitive aliases that are common words', () => {
    expect(surfaces('ant colonies; Ant Group; the Ant app; momenta in physics; Momenta drives')).toEqual([
      'Ant Group',
      'Ant',
      'Momenta',
    ]);
  });

  it('never matches one-character names or noMatch aliases', () => {
    expect(found('苏 江 人才基金')).toEqual([]);
    expect(found('百亿人才基金').map((m) => m.id)).toEqual(['policy-fund']);
  });

  it('lets a blocker word swallow the name inside it (苏州河 is a river)', () => {
    expect(surfaces('沿着苏州河散步，然后回到苏州')).toEqual(['苏州']);
    expect(found('沿着苏州河散步，然后回到苏州')[0]!.start).toBe(12);
  });
});

describe('Automaton: ambiguity', () => {
  it('reports every entity that shares a name', () => {
    const idx = indexOf([
      entity('place-320106', '鼓楼区', { aliases: [{ text: '鼓楼区', lang: 'zh-Hans', ambiguous: true }] }),
      entity('place-350102', '鼓楼区', { aliases: [{ text: '鼓楼区', lang: 'zh-Hans', ambiguous: true }] }),
    ]);
    const a = Automaton.build(idx.names, idx.variants);
    const [m] = a.find('南京鼓楼区');
    expect([idx.ids[m!.entity], ...(m!.alternatives ?? []).map((e) => idx.ids[e])].sort()).toEqual([
      'place-320106',
      'place-350102',
    ]);
  });
});

describe('Automaton: scale', () => {
  it('builds 20,000 generated names and finds each one', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `测试${String.fromCharCode(0x4e00 + (i % 3000))}${String.fromCharCode(0x4e00 + Math.floor(i / 3000))}公司`);
    const entries = names.map((n, i) => [n, i, 0, ''] as [string, number, number, string]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const a = Automaton.build(entries);
    const text = names.filter((_, i) => i % 997 === 0).join('，');
    const ms = a.find(text);
    expect(ms.map((m) => names[m.entity])).toEqual(names.filter((_, i) => i % 997 === 0));
  });
});
