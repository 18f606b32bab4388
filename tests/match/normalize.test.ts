import { describe, expect, it } from 'vitest';
import { FOLDED_UNITS, foldUnit, isSpaceCode, isWordCode, nameKey } from '@/lib/match/normalize';

describe('normalize', () => {
  it('FOLDED_UNITS lists exactly the code units foldUnit changes', () => {
    const changed = Array.from({ length: 65536 }, (_, c) => c).filter((c) => foldUnit(c) !== c);
    expect([...FOLDED_UNITS].sort((a, b) => a - b)).toEqual(changed);
  });

  it('only ASCII and folding units are Latin word characters or spaces (the matcher tests only those)', () => {
    const candidates = new Set([...Array.from({ length: 128 }, (_, c) => c), ...FOLDED_UNITS]);
    const outside = Array.from({ length: 65536 }, (_, c) => c).filter((c) => (isWordCode(c) || isSpaceCode(c)) && !candidates.has(c));
    expect(outside).toEqual([]);
  });

  it('nameKey folds case and width and drops spaces inside Latin names only', () => {
    expect(nameKey('Deep Seek')).toBe('deepseek');
    expect(nameKey('ＤｅｅｐＳｅｅｋ')).toBe('deepseek');
    expect(nameKey('苏州 工业园区')).toBe('苏州 工业园区');
  });
});
