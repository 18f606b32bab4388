import type { Clipping } from '@/lib/clippings/schema';

/** A valid clipping for tests; `n` varies the id, time and text. */
export function makeClipping(n: number, over: Partial<Clipping> = {}): Clipping {
  const created = new Date(Date.UTC(2025, 2, 1, 10, 0, n % 60) + n * 60_000).toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    createdAt: created,
    updatedAt: created,
    url: `https://news.example.org/article/${n % 7}`,
    title: `文章 ${n % 7}`,
    site: 'news.example.org',
    quote: { type: 'TextQuoteSelector', exact: `苏州工业园区成立ITBT融合创新中心 ${n}`, prefix: '前文', suffix: '后文' },
    position: { type: 'TextPositionSelector', start: 10 + n, end: 30 + n },
    note: n % 2 ? '需要核实' : 'check the numbers',
    tags: n % 3 ? ['suzhou'] : ['suzhou', 'policy'],
    entityIds: ['park-suzhou-industrial-park', ...(n % 2 ? ['place-320500'] : [])],
    ...over,
  };
}
