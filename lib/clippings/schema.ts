import { z } from 'zod';
import { lazySchema } from '../schema/lazy-schema';

const HttpUrl = lazySchema(() =>
  z
    .string()
    .max(4096)
    .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) address'),
);

export const TextQuoteSelector = lazySchema(() =>
  z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1).max(20_000),
    prefix: z.string().max(200),
    suffix: z.string().max(200),
  }),
);
export const TextPositionSelector = lazySchema(() =>
  z.object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  }),
);

/** A saved passage: the quote anchored W3C-style, the reader's note and tags, the entities in it, the page. */
export const Clipping = lazySchema(() =>
  z.object({
    id: z.string().min(8).max(100),
    createdAt: z.string().datetime({ offset: true }),
    updatedAt: z.string().datetime({ offset: true }),
    url: HttpUrl,
    title: z.string().max(1000),
    site: z.string().max(300),
    quote: TextQuoteSelector,
    position: TextPositionSelector,
    note: z.string().max(100_000),
    tags: z.array(z.string().min(1).max(100)).max(100),
    entityIds: z.array(z.string().min(1).max(200)).max(500),
  }),
);
export type Clipping = z.infer<typeof Clipping>;

/** The page a clipping belongs to: the URL without its fragment (a #section link is the same page). */
export function pageKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

export function parseTags(input: string): string[] {
  return [...new Set(input.split(/[,，;；#\s]+/).map((t) => t.trim()).filter(Boolean))];
}
