import * as z from 'zod/mini';
import { lazySchema } from '../schema/lazy-schema';

/**
 * The dataset's source schema: what a reviewer edits in `data/entities/<type>/<id>.json`.
 * It is validated at build time (scripts/build-data.ts) and again, as the built bundle, in tests.
 * Designed to grow to tens of thousands of entities: ids are stable strings, relations are ids,
 * and every fact carries its own source and as-of date.
 */

export const ENTITY_TYPES = ['place', 'park', 'company', 'policy', 'org'] as const;
export const EntityType = lazySchema(() => z.enum(ENTITY_TYPES));
export type EntityType = z.infer<typeof EntityType>;

/** ISO date, or a year-month / year where the source only gives that much. */
export const IsoDate = lazySchema(() =>
  z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date must be YYYY, YYYY-MM or YYYY-MM-DD')),
);

export const HttpUrl = lazySchema(() =>
  z.url().check(z.refine((u) => /^https?:\/\//i.test(u), 'source links must be http(s)')),
);

/** Text in both languages the extension speaks; English is required, Chinese is strongly preferred. */
export const Bilingual = lazySchema(() =>
  z.object({
    en: z.string().check(z.minLength(1)),
    zh: z.optional(z.string().check(z.minLength(1))),
  }),
);
export type Bilingual = z.infer<typeof Bilingual>;

export const Source = lazySchema(() =>
  z.object({
    url: HttpUrl,
    publisher: z.string().check(z.minLength(1)),
    title: z.string().check(z.minLength(1)),
    /** Publication date of the page cited. */
    date: IsoDate,
  }),
);
export type Source = z.infer<typeof Source>;

export const Fact = lazySchema(() =>
  z.object({
    /** Short label for the card ("Founded", "AI industry target"). */
    label: Bilingual,
    /** The fact itself, in the project's own words. */
    text: Bilingual,
    source: Source,
    /** The date the fact is true as of (often the source date, or the date a number refers to). */
    asOf: IsoDate,
  }),
);
export type Fact = z.infer<typeof Fact>;

export const Alias = lazySchema(() =>
  z.object({
    text: z.string().check(z.minLength(1)),
    lang: z.enum(['zh-Hans', 'zh-Hant', 'en', 'pinyin']),
    /** Latin aliases that are also common words ("Kimi", "Moonshot") match only in this exact case. */
    caseSensitive: z.optional(z.boolean()),
    /** Shown and searchable, but never matched in page text (too ambiguous on its own). */
    noMatch: z.optional(z.boolean()),
    /** Knowingly shared with another entity (two 鼓楼区): the matcher and card then offer the candidates. */
    ambiguous: z.optional(z.boolean()),
  }),
);
export type Alias = z.infer<typeof Alias>;

export const Names = lazySchema(() =>
  z.object({
    /** Full official name in Simplified Chinese. */
    zhHans: z.string().check(z.minLength(1)),
    /** The short name people write (天准科技 for 苏州天准科技股份有限公司); shown as the title when present. */
    common: z.optional(z.string().check(z.minLength(1))),
    /** Traditional spelling; generated with OpenCC at build time when omitted. */
    zhHant: z.optional(z.string().check(z.minLength(1))),
    /** English name where one exists. */
    en: z.optional(z.string().check(z.minLength(1))),
    aliases: z._default(z.array(Alias), []),
  }),
);
export type Names = z.infer<typeof Names>;

export const RELATION_KINDS = [
  'located_in', // place → parent place; park → city
  'headquartered_in', // company → place
  'parent_org', // company → parent company
  'investor', // company → investor
  'applies_to', // policy → place
  'issued_by', // policy → org
  'implements', // policy → policy
  'supersedes', // policy → policy
  'related', // anything → anything, when no narrower kind fits
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];
export const Relation = lazySchema(() =>
  z.object({
    kind: z.enum(RELATION_KINDS),
    target: z.string().check(z.minLength(1)),
  }),
);
export type Relation = z.infer<typeof Relation>;

export const ENTITY_ID = /^(place|park|company|policy|org)-[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const Entity = lazySchema(() =>
  z
    .object({
      id: z.string().check(z.regex(ENTITY_ID, 'id is <type>-<kebab-case>, e.g. company-deepseek')),
      type: EntityType,
      names: Names,
      summary: Bilingual,
      /** Type-specific structured attributes (level, code, founded, document number ...). */
      attributes: z._default(z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])), {}),
      relations: z._default(z.array(Relation), []),
      facts: z.array(Fact).check(z.minLength(1)),
    })
    .check(z.refine((e) => e.id.startsWith(`${e.type}-`), { message: 'id prefix must equal type', path: ['id'] })),
);
export type Entity = z.infer<typeof Entity>;
