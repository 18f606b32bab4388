import { describe, expect, it } from 'vitest';
import { anchorQuote, describeRange } from '@/lib/clippings/anchoring';

const page = [
  '苏州工业园区成立ITBT融合创新中心，推动AI与生物医药跨界合作。',
  '常熟市围绕纺织业痛点，开发“AI+验布”系统。',
  '苏州工业园区成立ITBT融合创新中心，这句话在页面下方又出现了一次，但上下文不同。',
].join('\n');

const clip = (text: string, quote: string, occurrence = 0) => {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  return describeRange(text, start, start + quote.length);
};

describe('anchoring', () => {
  it('finds an unchanged passage where it was', () => {
    const [quote, position] = clip(page, '开发“AI+验布”系统');
    expect(anchorQuote(page, quote, position)).toEqual({ start: position.start, end: position.end, exact: true });
  });

  it('tells a duplicated passage apart by its context', () => {
    const [quote, position] = clip(page, '苏州工业园区成立ITBT融合创新中心', 1);
    const found = anchorQuote(page, quote, position)!;
    expect(found.start).toBe(position.start);
    // Even with the position lost, the context decides.
    expect(anchorQuote(page, quote)!.start).toBe(position.start);
  });

  it('follows a passage that moved', () => {
    const [quote, position] = clip(page, '开发“AI+验布”系统');
    const moved = `新加的一段开头文字。\n${page}`;
    const found = anchorQuote(moved, quote, position)!;
    expect(moved.slice(found.start, found.end)).toBe('开发“AI+验布”系统');
  });

  it('re-anchors a lightly edited quote, and gives up on one that is gone', () => {
    const [quote, position] = clip(page, '推动AI与生物医药跨界合作');
    const edited = page.replace('推动AI与生物医药跨界合作', '推动人工智能与生物医药跨界合作');
    const found = anchorQuote(edited, quote, position)!;
    expect(found.exact).toBe(false);
    expect(edited.slice(found.start, found.end)).toContain('生物医药跨界合作');
    const gone = page.replace('推动AI与生物医药跨界合作', '');
    expect(anchorQuote(gone.replace(/ITBT/g, ''), { ...quote, prefix: '', suffix: '' })).toBeNull();
  });
});
