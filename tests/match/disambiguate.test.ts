import { describe, expect, it } from 'vitest';
import { rankCandidates } from '@/lib/match/disambiguate';

describe('rankCandidates', () => {
  // entities: 0 南京市, 1 福州市, 2 鼓楼区 (南京), 3 鼓楼区 (福州)
  const parents = [-1, -1, 0, 1];
  it('puts first the candidate whose parent place is mentioned', () => {
    expect(rankCandidates([2, 3], parents, (e) => (e === 1 ? 2 : 0))).toEqual([3, 2]);
    expect(rankCandidates([2, 3], parents, (e) => (e === 0 ? 1 : 0))).toEqual([2, 3]);
  });
  it('keeps the dataset order when nothing nearby decides', () => {
    expect(rankCandidates([3, 2], parents, () => 0)).toEqual([3, 2]);
  });
});
