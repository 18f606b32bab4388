import { describe, expect, it } from 'vitest';
import { Automaton } from '@/lib/match/automaton';
import { decodeMentions, matchTexts } from '@/lib/match/match-texts';
import { entity, indexOf, sampleIndex } from '../helpers/fixtures';

describe('matchTexts: what the background answers a page', () => {
  it('gives each text its mentions, and the id, type and parent of every entity they name', () => {
    const index = sampleIndex();
    const reply = matchTexts(index, Automaton.load(index.trie, index.variants), ['苏州工业园区在苏州。', '没有名字的一段话', 'DeepSeek 在杭州']);
    expect(reply.found).toHaveLength(3);
    expect(reply.found[1]).toEqual([]);
    const named = new Map(reply.entities.map(([e, id, type, parent]) => [e, { id, type, parent }]));
    const read = (k: number) => decodeMentions(reply.found[k]!).map((m) => [m.start, m.end, named.get(m.entity)!.id]);
    expect(read(0)).toEqual([
      [0, 6, 'park-suzhou-industrial-park'],
      [7, 9, 'place-320500'],
    ]);
    expect(read(2)).toEqual([
      [0, 8, 'company-deepseek'],
      [10, 12, 'place-330100'],
    ]);
    expect(named.get(decodeMentions(reply.found[2]!)[0]!.entity)).toMatchObject({ type: 'company' });
    expect(reply.entities).toHaveLength(4);
  });

  it('sends a shared name with its alternatives and their parents, so the page can choose', () => {
    const index = indexOf([
      entity('place-320100', '南京市', { aliases: [{ text: '南京', lang: 'zh-Hans' }] }),
      entity('place-350100', '福州市', { aliases: [{ text: '福州', lang: 'zh-Hans' }] }),
      entity('place-320106', '鼓楼区', {
        aliases: [{ text: '鼓楼区', lang: 'zh-Hans', ambiguous: true }],
        relations: [{ kind: 'located_in', target: 'place-320100' }],
      }),
      entity('place-350102', '鼓楼区', {
        aliases: [{ text: '鼓楼区', lang: 'zh-Hans', ambiguous: true }],
        relations: [{ kind: 'located_in', target: 'place-350100' }],
      }),
    ]);
    const reply = matchTexts(index, Automaton.load(index.trie, index.variants), ['福州的鼓楼区']);
    const [city, district] = decodeMentions(reply.found[0]!);
    expect(district!.alternatives).toHaveLength(1);
    const named = new Map(reply.entities.map(([e, id, , parent]) => [e, { id, parent }]));
    const candidates = [district!.entity, ...district!.alternatives!].map((e) => named.get(e)!);
    expect(candidates.map((c) => c.id).sort()).toEqual(['place-320106', 'place-350102']);
    // Each candidate's parent is an entity index of the same numbering: 福州's is the one the text names.
    expect(candidates.find((c) => c.id === 'place-350102')!.parent).toBe(city!.entity);
  });
});

describe('decodeMentions', () => {
  it('reads the flat form back, with and without alternatives', () => {
    expect(decodeMentions([0, 2, 5, 0, 3, 6, 7, 2, 8, 9])).toEqual([
      { start: 0, end: 2, entity: 5 },
      { start: 3, end: 6, entity: 7, alternatives: [8, 9] },
    ]);
    expect(decodeMentions([])).toEqual([]);
  });
});
