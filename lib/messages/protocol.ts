import * as z from 'zod/mini';
import { lazySchema } from '../schema/lazy-schema';
import { EntityRecord } from '../data/bundle';
import { ENTITY_TYPES, EntityType, RELATION_KINDS } from '../data/schema';
import { Clipping } from '../clippings/schema';

/** Cap on ids per request: a page with more distinct entities than this is asked for in pages. */
export const MAX_IDS_PER_REQUEST = 2000;
/** Cap on texts per match request: a page sends its text blocks in batches far smaller than this. */
export const MAX_TEXTS_PER_MATCH = 5000;
/** Cap on one text block's length (UTF-16 units): a 4 MiB block is far past any real page's paragraph. */
export const MAX_MATCH_TEXT_UNITS = 1 << 21;

const EntityId = lazySchema(() => z.string().check(z.minLength(1), z.maxLength(200)));
const EntityIds = lazySchema(() => z.array(EntityId).check(z.maxLength(MAX_IDS_PER_REQUEST)));

/**
 * Every message between the extension's parts, in one place. The background answers the `entity/*`, `dataset/*`,
 * `clipping/*` and `match/*` kinds; the content script answers the `page/*` kinds. Receivers parse with this
 * schema and reject anything else, since a message can come from any part (and a compromised page can try to speak).
 */
export const Message = lazySchema(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('entity/get'), id: EntityId }),
    z.object({ type: z.literal('entity/getMany'), ids: EntityIds }),
    z.object({ type: z.literal('entity/hits'), ids: EntityIds }),
    z.object({ type: z.literal('dataset/info') }),
    z.object({
      type: z.literal('entity/search'),
      query: z.string().check(z.maxLength(200)),
      entityType: z.optional(EntityType),
      limit: z.optional(z.int().check(z.minimum(1), z.maximum(50))),
    }),
    z.object({ type: z.literal('entity/related'), id: EntityId }),
    z.object({ type: z.literal('ui/openFactSheet'), entityId: EntityId }),
    z.object({
      type: z.literal('page/command'),
      command: z.enum(['toggle-site', 'next-mention', 'previous-mention', 'save-clipping']),
    }),
    z.object({ type: z.literal('clipping/save'), clipping: Clipping }),
    z.object({ type: z.literal('clipping/forPage'), url: z.string().check(z.maxLength(4096)) }),
    z.object({ type: z.literal('page/clippings') }),
    z.object({ type: z.literal('page/jumpTo'), id: EntityId }),
    z.object({ type: z.literal('page/mentions') }),
    z.object({
      type: z.literal('match/texts'),
      texts: z.array(z.string().check(z.maxLength(MAX_MATCH_TEXT_UNITS))).check(z.maxLength(MAX_TEXTS_PER_MATCH)),
    }),
  ]),
);
export type Message = z.infer<typeof Message>;
export type MessageType = Message['type'];

export const DatasetInfo = lazySchema(() =>
  z.object({
    version: z.string(),
    asOf: z.string(),
    entityCount: z.int(),
    loadedAt: z.string(),
    /** Where answers come from: IndexedDB, or the bundled copy in memory when IndexedDB failed. */
    storage: z.enum(['indexeddb', 'memory']),
    /** Why IndexedDB could not be used (shown to the reader). */
    storageError: z.optional(z.string()),
    /** How long the last dataset load into IndexedDB took, in ms. */
    lastLoadMs: z.optional(z.number()),
  }),
);
export type DatasetInfo = z.infer<typeof DatasetInfo>;

export const PageMention = lazySchema(() => z.object({ id: z.string(), count: z.int().check(z.positive()) }));
export const PageMentions = lazySchema(() =>
  z.object({
    url: z.string(),
    /** False while the page is still being scanned. */
    complete: z.boolean(),
    /** False when the reader turned AI Atlas off (everywhere or on this site). */
    active: z.boolean(),
    mentions: z.array(PageMention),
  }),
);
export type PageMentions = z.infer<typeof PageMentions>;

export const SearchHit = lazySchema(() =>
  z.object({
    id: z.string(),
    type: EntityType,
    display: z.string(),
    en: z.optional(z.string()),
    summary: z.object({ en: z.string(), zh: z.optional(z.string()) }),
    level: z.optional(z.string()),
  }),
);
export type SearchHit = z.infer<typeof SearchHit>;

/** A relation seen from one entity: its own (outgoing) or another entity's pointing at it (incoming). */
export const RelatedLink = lazySchema(() =>
  z.object({
    kind: z.enum(RELATION_KINDS),
    direction: z.enum(['outgoing', 'incoming']),
    entity: SearchHit,
  }),
);
export type RelatedLink = z.infer<typeof RelatedLink>;

/**
 * Entity replies come from our own background, which read them from the validated bundle; checking each one's
 * identity (not every fact again) keeps the popup's first render fast.
 */
const EntityReply = lazySchema(() => z.looseObject({ id: z.string(), type: EntityType }) as unknown as typeof EntityRecord);

const isIntArray = (value: unknown): value is number[] => Array.isArray(value) && value.every(Number.isInteger);

/**
 * The mentions in a page's texts (lib/match/match-texts.ts). The page checks it with isMatchReply (REPLY_CHECKS),
 * which a unit test holds equal to this schema; the flat integer lists take one predicate each, not a schema per
 * number.
 */
export const MatchReply = lazySchema(() =>
  z.object({
    found: z.array(z.custom<number[]>(isIntArray)),
    entities: z.array(z.tuple([z.int(), z.string(), EntityType, z.int()])),
  }),
);

/** What each message kind answers with; each built when its kind is first answered. */
export const Replies = {
  'entity/get': lazySchema(() => z.nullable(EntityReply)),
  'entity/getMany': lazySchema(() => z.array(EntityReply)),
  'entity/hits': lazySchema(() => z.array(SearchHit)),
  'dataset/info': lazySchema(() => z.nullable(DatasetInfo)),
  'page/mentions': PageMentions,
  'entity/search': lazySchema(() => z.array(SearchHit)),
  'entity/related': lazySchema(() => z.array(RelatedLink)),
  'ui/openFactSheet': lazySchema(() => z.null()),
  'page/command': lazySchema(() => z.null()),
  /** Whether a mention of the entity was found to jump to. */
  'page/jumpTo': lazySchema(() => z.boolean()),
  'clipping/save': Clipping,
  'clipping/forPage': lazySchema(() => z.array(Clipping)),
  /** Which of the page's clippings were found again in its current text. */
  'page/clippings': lazySchema(() => z.array(z.object({ id: z.string(), found: z.boolean() }))),
  'match/texts': MatchReply,
} satisfies Record<MessageType, z.ZodMiniType>;
export type Reply<T extends MessageType> = z.infer<(typeof Replies)[T]>;

/**
 * The kinds whose reply is a list. An empty list is a valid reply of each, so it is taken without building the
 * schema: every page asks for its clippings at start-up, almost every page has none, and building the clipping
 * schema there cost more than the rest of the start-up task. (A unit test keeps this set equal to the list
 * replies in Replies.)
 */
export const LIST_REPLIES: ReadonlySet<MessageType> = new Set<MessageType>([
  'entity/getMany',
  'entity/hits',
  'entity/search',
  'entity/related',
  'clipping/forPage',
  'page/clippings',
]);

const isMatchedEntity = (value: unknown): boolean =>
  Array.isArray(value) &&
  value.length === 4 &&
  Number.isInteger(value[0]) &&
  typeof value[1] === 'string' &&
  (ENTITY_TYPES as readonly unknown[]).includes(value[2]) &&
  Number.isInteger(value[3]);

/** Accepts exactly what the MatchReply schema accepts (a unit test holds the two together). */
export function isMatchReply(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const { found, entities } = value as { found?: unknown; entities?: unknown };
  return Array.isArray(found) && found.every(isIntArray) && Array.isArray(entities) && entities.every(isMatchedEntity);
}

/**
 * Replies checked on the page by a predicate instead of their schema. Every page asks the matcher as soon as it
 * has read its first screen, and building and running the schema there cost about 20 ms of the page's main thread
 * (CPU profile of the bench page: zod's code is cold in every new page), more than the matching it replaced.
 */
export const REPLY_CHECKS: Partial<Record<MessageType, (value: unknown) => boolean>> = { 'match/texts': isMatchReply };

/** Replies travel in an envelope so that a failure arrives as a message, not as a silent `undefined`. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };
