import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazySchema } from '@/lib/schema/lazy-schema';

describe('lazySchema', () => {
  it('builds nothing until the schema is used, then once', () => {
    let builds = 0;
    const Point = lazySchema(() => {
      builds++;
      return z.object({ x: z.number(), y: z.number() });
    });
    const Line = lazySchema(() => z.object({ from: Point, to: Point }));
    expect(builds).toBe(0);
    expect(Line.parse({ from: { x: 1, y: 2 }, to: { x: 3, y: 4 } })).toEqual({ from: { x: 1, y: 2 }, to: { x: 3, y: 4 } });
    expect(Line.safeParse({ from: { x: 'a', y: 2 }, to: { x: 3, y: 4 } }).success).toBe(false);
    expect(builds).toBe(1);
  });

  it('behaves as the schema: derived schemas, shape, instanceof, keys', () => {
    const Point = lazySchema(() => z.object({ x: z.number(), y: z.number() }));
    expect(Point.pick({ x: true }).parse({ x: 1, y: 2 })).toEqual({ x: 1 });
    expect(Object.keys(Point.shape)).toEqual(['x', 'y']);
    expect(Point instanceof z.ZodObject).toBe(true);
    expect(z.array(Point).parse([{ x: 0, y: 0 }])).toHaveLength(1);
  });
});
