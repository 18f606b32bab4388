import { z } from 'zod';
import { lazySchema } from '../schema/lazy-schema';
import { ENTITY_URN, JSON_FORMAT } from './export';
import { Clipping, TextPositionSelector, TextQuoteSelector } from './schema';

export type ImportResult = { ok: true; clippings: Clipping[]; format: 'json' | 'jsonld' } | { ok: false; error: string };

/** Cap on a single import: enough for every realistic library, small enough to validate in one go. */
export const MAX_IMPORT_ITEMS = 200_000;

const where = (issue: z.core.$ZodIssue, prefix: string) => `${prefix}${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`;

const AnnotationItem = lazySchema(() =>
  z.object({
    id: z.string().regex(/^urn:uuid:/, 'must be urn:uuid:…'),
    type: z.literal('Annotation'),
    created: z.string(),
    modified: z.string().optional(),
    body: z.array(z.object({ type: z.string(), value: z.string().optional(), purpose: z.string().optional(), source: z.string().optional() })).default([]),
    target: z.object({
      source: z.string(),
      'dc:title': z.string().optional(),
      selector: z.array(z.union([TextQuoteSelector, TextPositionSelector, z.object({ type: z.string() })])),
    }),
  }),
);

function fromAnnotation(item: z.infer<typeof AnnotationItem>): unknown {
  const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector');
  const position = item.target.selector.find((s) => s.type === 'TextPositionSelector');
  let site = '';
  try {
    site = new URL(item.target.source).hostname;
  } catch {
    /* the Clipping schema reports the bad URL */
  }
  return {
    id: item.id.slice('urn:uuid:'.length),
    createdAt: item.created,
    updatedAt: item.modified ?? item.created,
    url: item.target.source,
    title: item.target['dc:title'] ?? '',
    site,
    quote,
    position: position ?? { type: 'TextPositionSelector', start: 0, end: 0 },
    note: item.body.filter((b) => b.purpose === 'commenting' && b.value).map((b) => b.value).join('\n\n'),
    tags: item.body.filter((b) => b.purpose === 'tagging' && b.value).map((b) => b.value!),
    entityIds: item.body.filter((b) => b.purpose === 'identifying' && b.source?.startsWith(ENTITY_URN)).map((b) => b.source!.slice(ENTITY_URN.length)),
  };
}

/**
 * Parse an export back: AI Atlas JSON or W3C Web Annotation JSON-LD. Everything is validated before anything is
 * returned; the first problem is reported with where it is ("item 12.quote.exact: …"), and nothing is imported.
 */
export function parseImport(text: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `This file is not JSON (${(err as Error).message}).` };
  }
  const obj = json as Record<string, unknown> | null;
  let raw: unknown[];
  let format: 'json' | 'jsonld';
  if (obj && obj.format === JSON_FORMAT && Array.isArray(obj.clippings)) {
    raw = obj.clippings;
    format = 'json';
  } else if (obj && (obj.type === 'AnnotationCollection' || Array.isArray(obj.items)) && Array.isArray(obj.items)) {
    format = 'jsonld';
    raw = [];
    for (const [i, item] of (obj.items as unknown[]).entries()) {
      const parsed = AnnotationItem.safeParse(item);
      if (!parsed.success) return { ok: false, error: `Annotation ${i + 1}: ${where(parsed.error.issues[0]!, 'item')}` };
      raw.push(fromAnnotation(parsed.data));
    }
  } else {
    return { ok: false, error: 'This is not an AI Atlas export: expected AI Atlas clippings JSON or a Web Annotation collection.' };
  }
  if (raw.length > MAX_IMPORT_ITEMS) return { ok: false, error: `Too many clippings (${raw.length}); the limit is ${MAX_IMPORT_ITEMS}.` };
  const clippings: Clipping[] = [];
  const seen = new Set<string>();
  for (const [i, item] of raw.entries()) {
    const parsed = Clipping.safeParse(item);
    if (!parsed.success) return { ok: false, error: `Clipping ${i + 1}: ${where(parsed.error.issues[0]!, 'item')}` };
    if (seen.has(parsed.data.id)) continue;
    seen.add(parsed.data.id);
    clippings.push(parsed.data);
  }
  return { ok: true, clippings, format };
}
