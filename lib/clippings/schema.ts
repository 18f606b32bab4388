import * as z from 'zod/mini';
import { lazySchema } from '../schema/lazy-schema';

const HttpUrl = lazySchema(() =>
  z.string().check(
    z.maxLength(4096),
    z.refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) address'),
  ),
);

export const TextQuoteSelector = lazySchema(() =>
  z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().check(z.minLength(1), z.maxLength(20_000)),
    prefix: z.string().check(z.maxLength(200)),
    suffix: z.string().check(z.maxLength(200)),
  }),
);
export const TextPositionSelector = lazySchema(() =>
  z.object({
    type: z.literal('TextPositionSelector'),
    start: z.int().check(z.nonnegative()),
    end: z.int().check(z.nonnegative()),
  }),
);

/** A saved passage: the quote anchored W3C-style, the reader's note and tags, the entities in it, the page. */
export const Clipping = lazySchema(() =>
  z.object({
    id: z.string().check(z.minLength(8), z.maxLength(100)),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    url: HttpUrl,
    title: z.string().check(z.maxLength(1000)),
    site: z.string().check(z.maxLength(300)),
    quote: TextQuoteSelector,
    position: TextPositionSelector,
    note: z.string().check(z.maxLength(100_000)),
    tags: z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(100)),
    entityIds: z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(500)),
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
