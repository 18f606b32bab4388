import { describe, expect, it } from 'vitest';
import { Automaton } from '@/lib/match/automaton';
import { COUNT_BASE, NAME_CASE_SENSITIVE, packTrie, unpackEntries, type NameEntry } from '@/lib/match/packed-trie';

const entries: NameEntry[] = [
  ['苏州', 0, 0, ''],
  ['苏州工业园区', 1, 0, ''],
  ['苏州河', -1, 0, ''],
  ['北京', 2, 0, ''],
  ['北京市海淀区', 3, 0, ''],
  ['kimi', 4, NAME_CASE_SENSITIVE, 'Kimi'],
  ['kimi', 5, 0, ''],
  ['deepseek', 6, 0, ''],
];
const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0) || a[1] - b[1]);

describe('packTrie: a radix trie laid out breadth-first', () => {
  it('gives back every entry it was given', () => {
    const back = unpackEntries(packTrie(entries)).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0) || a[1] - b[1]);
    expect(back).toEqual(sorted);
  });

  it('makes one node of a run that nothing branches off or ends inside', () => {
    const trie = packTrie(entries);
    const lengths = [...trie.lengths].map((c) => c.charCodeAt(0) - COUNT_BASE);
    // Root; 苏州, 北京, kimi, deepseek from the root; 工业园区, 河 after 苏州; 市海淀区 after 北京.
    expect(lengths.length).toBe(8);
    expect(lengths.slice().sort((a, b) => a - b)).toEqual([0, 1, 2, 2, 4, 4, 4, 8]);
    expect(trie.labels.length).toBe(lengths.reduce((a, b) => a + b, 0));
  });

  it('is walked unit by unit along an edge: a miss inside one keeps the last name that ended', () => {
    const a = Automaton.build(entries);
    const hits = (t: string) => a.find(t).map((m) => [t.slice(m.start, m.end), m.entity]);
    expect(hits('苏州工业园的北京市海淀')).toEqual([
      ['苏州', 0],
      ['北京', 2],
    ]);
    expect(hits('苏州工业园区与苏州河')).toEqual([['苏州工业园区', 1]]);
    expect(hits('deep seek, deepsee, deepseeker')).toEqual([['deep seek', 6]]);
  });

  it('fills the start-pair filter on its first search, with the same results as a fresh matcher', () => {
    const used = Automaton.build(entries);
    const texts = ['北京市海淀区的公司', 'DeepSeek 与 Kimi', '苏州工业园区、苏州河与北京'];
    for (const t of texts) used.find(t);
    for (const t of [...texts].reverse()) expect(used.find(t)).toEqual(Automaton.build(entries).find(t));
  });
});
