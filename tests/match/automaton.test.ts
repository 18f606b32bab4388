import { describe, expect, it } from 'vitest';
import { Automaton } from '@/lib/match/automaton';
import { nameKey, parseVariantPairs } from '@/lib/match/normalize';
import { NAME_CASE_SENSITIVE, unpackEntries } from '@/lib/match/packed-trie';
import { entity, indexOf, sampleIndex } from '../helpers/fixtures';
import { entityIds } from '@/lib/data/bundle';

const index = sampleIndex();
const automaton = Automaton.load(index.trie, index.variants);
const found = (text: string, a = automaton, ids = entityIds(index)) =>
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
    const a = Automaton.load(idx.trie, idx.variants);
    const f = (t: string) => a.find(t).map((m) => `${entityIds(idx)[m.entity]}:${t.slice(m.start, m.end)}`);
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

  it('keeps a case-sensitive entry and an any-case entry of the same key apart', () => {
    // "Kimi" must be written so for the assistant, while another (made-up) entity answers to "kimi" in any case.
    const a = Automaton.build([
      ['kimi', 0, NAME_CASE_SENSITIVE, 'Kimi'],
      ['kimi', 1, 0, ''],
      ['moonshot', 2, NAME_CASE_SENSITIVE, 'Moonshot'],
    ]);
    const hit = (t: string) => a.find(t).map((m) => [m.entity, ...(m.alternatives ?? [])]);
    expect(hit('KIMI said')).toEqual([[1]]);
    expect(hit('Kimi said')).toEqual([[0, 1]]);
    expect(hit('a moonshot idea; Moonshot AI')).toEqual([[2]]);
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
    const a = Automaton.load(idx.trie, idx.variants);
    const [m] = a.find('南京鼓楼区');
    expect([entityIds(idx)[m!.entity], ...(m!.alternatives ?? []).map((e) => entityIds(idx)[e])].sort()).toEqual([
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

describe('Automaton: agrees with a naive matcher', () => {
  it('finds exactly the leftmost-longest keys of a naive scan, on text made of name fragments', () => {
    const entries = unpackEntries(index.trie).filter(([, , flags]) => flags === 0);
    const keys = new Set(entries.map(([key]) => key));
    const variants = parseVariantPairs(index.variants);
    const longest = Math.max(...[...keys].map((k) => k.length));
    // Text of name pieces and filler, deterministic.
    let seed = 42;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const pieces = [...keys, '的', '和', '在', ' ', '。', 'x'];
    let text = '';
    while (text.length < 5000) {
      const k = pieces[Math.floor(rand() * pieces.length)]!;
      text += rand() < 0.5 ? k : k.slice(0, 1 + Math.floor(rand() * k.length));
    }
    const naive: string[] = [];
    const cjkOnly = (s: string) => /^[\u3400-\u9fff]+$/u.test(s);
    for (let i = 0; i < text.length; ) {
      let best = 0;
      for (let len = 2; len <= longest && i + len <= text.length; len++) {
        const surface = text.slice(i, i + len);
        if (cjkOnly(surface) && keys.has(nameKey(surface, variants))) best = len;
      }
      if (best) naive.push(`${i}:${text.slice(i, i + best)}`);
      i += best || 1;
    }
    const all = automaton.find(text);
    const allKeys = new Set(unpackEntries(index.trie).map(([key]) => key));
    // Every mention, Latin ones too, is exactly some key: it never starts or ends beside one.
    expect(all.filter((m) => !allKeys.has(nameKey(text.slice(m.start, m.end), variants)))).toEqual([]);
    const cjkMentions = all
      .map((m) => `${m.start}:${text.slice(m.start, m.end)}`)
      .filter((m) => cjkOnly(m.slice(m.indexOf(':') + 1)));
    // The naive scan knows no blockers, so compare only where neither side met a non-CJK name or a blocker.
    expect(cjkMentions.every((m) => naive.includes(m))).toBe(true);
    expect(cjkMentions.length).toBeGreaterThan(100);
  });
});
