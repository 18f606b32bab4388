import { describe, expect, it } from 'vitest';
import { groupPageEntities } from '@/lib/popup/page-facts';
import { hitOf } from '@/lib/search/dataset-search';
import { sampleBundle } from '../helpers/fixtures';

describe('groupPageEntities', () => {
  it('groups by type in a fixed order and sorts by mentions', () => {
    const { entities } = sampleBundle();
    const facts = groupPageEntities(
      {
        url: 'http://x/',
        complete: true,
        active: true,
        mentions: [
          { id: 'company-deepseek', count: 2 },
          { id: 'place-330100', count: 1 },
          { id: 'place-320500', count: 5 },
          { id: 'company-unknown', count: 9 },
        ],
      },
      entities.map(hitOf),
      null,
    );
    expect(facts.groups.map((g) => [g.type, g.items.map((i) => `${i.entity.id}:${i.count}`)])).toEqual([
      ['place', ['place-320500:5', 'place-330100:1']],
      ['company', ['company-deepseek:2']],
    ]);
    expect(facts.total).toBe(8);
  });
});
