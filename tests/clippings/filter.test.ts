import { describe, expect, it } from 'vitest';
import { facets, filterClippings } from '@/lib/clippings/filter';
import { makeClipping } from '../helpers/clippings';

const list = Array.from({ length: 10 }, (_, i) => makeClipping(i + 1));

describe('filterClippings', () => {
  it('searches quote and note, and narrows by site, tag, entity, type and date', () => {
    expect(filterClippings(list, { query: '需要核实' })).toHaveLength(5);
    expect(filterClippings(list, { query: 'itbt融合创新中心 3' }).map((c) => c.id)).toEqual([list[2]!.id]);
    expect(filterClippings(list, { query: '', tag: 'policy' })).toHaveLength(3);
    expect(filterClippings(list, { query: '', entity: 'place-320500' })).toHaveLength(5);
    expect(filterClippings(list, { query: '', type: 'place' })).toHaveLength(5);
    expect(filterClippings(list, { query: '', type: 'company' })).toHaveLength(0);
    expect(filterClippings(list, { query: '', from: '2099-01-01' })).toHaveLength(0);
    expect(facets(list).tags).toEqual(['suzhou', 'policy']);
  });
});
