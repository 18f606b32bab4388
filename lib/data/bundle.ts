import * as z from 'zod/mini';
import { lazySchema } from '../schema/lazy-schema';
import { PackedTrie } from '../match/packed-trie';
import { Alias, Bilingual, ENTITY_TYPES, EntityType, Fact, Relation } from './schema';

/**
 * The built fact bundle: what the background loads into IndexedDB. Produced by scripts/build-data.ts from
 * the reviewed sources; every Chinese name already has its Traditional spelling.
 */
export const EntityRecord = lazySchema(() =>
  z.object({
    id: z.string(),
    type: EntityType,
    names: z.object({
      zhHans: z.string(),
      zhHant: z.string(),
      /** Title in Simplified / Traditional: the common name, else the full name. */
      display: z.string(),
      displayHant: z.string(),
      en: z.optional(z.string()),
      /** Toned pinyin of the display name (shown on request). */
      pinyin: z.optional(z.string()),
      aliases: z.array(Alias),
    }),
    summary: Bilingual,
    attributes: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
    relations: z.array(Relation),
    facts: z.array(Fact),
    /** Newest as-of date among the entity's facts. */
    asOf: z.string(),
    /** Folded names for dataset search (lowercase Latin, Simplified and Traditional). */
    searchKeys: z.array(z.string()),
  }),
);
export type EntityRecord = z.infer<typeof EntityRecord>;

export const DatasetBundle = lazySchema(() =>
  z.object({
    /** Content hash of the entities: the key that decides whether IndexedDB must be refilled. */
    version: z.string().check(z.minLength(1)),
    builtAt: z.string(),
    /** Newest as-of date across the whole dataset. */
    asOf: z.string(),
    entities: z.array(EntityRecord),
  }),
);
export type DatasetBundle = z.infer<typeof DatasetBundle>;

/** Entity index of a blocker: a longer word that contains a name but is not that entity (苏州河, 中山装). */
export const BLOCKER_ENTITY = -1;

export { NAME_CASE_SENSITIVE, type NameEntry } from '../match/packed-trie';

/**
 * The compact name index the background matches pages' text against: built at extension build time, with the trie
 * of every name already laid out (PackedTrie), so start-up only loads it.
 */
export const NameIndex = lazySchema(() =>
  z.object({
    version: z.string(),
    /**
     * Entity ids by entity index, joined by ID_SEPARATOR (ids are kebab-case): one string parses in no time where
     * 100,000 separate ones took most of a cold start. Read with idAt / entityIds.
     */
    ids: z.string(),
    /** Each entity's type as one code unit: '0' + its position in ENTITY_TYPES (read with typeAt). */
    types: z.string(),
    /** Each entity's parent place (located_in) as an entity index, or -1: context for ambiguous names. */
    parents: z.array(z.int()),
    /** Pairs of (variant, canonical) characters: Traditional spellings folded onto the Simplified ones. */
    variants: z.string(),
    trie: PackedTrie,
  }),
);
export type NameIndex = z.infer<typeof NameIndex>;

/** Joins NameIndex.ids (no entity id contains it). */
export const ID_SEPARATOR = '\n';

const splitIds = new WeakMap<object, readonly string[]>();

/** Every entity id of a name index, by entity index (split on first use, then kept). */
export function entityIds(index: Pick<NameIndex, 'ids'>): readonly string[] {
  let ids = splitIds.get(index);
  if (!ids) splitIds.set(index, (ids = index.ids === '' ? [] : index.ids.split(ID_SEPARATOR)));
  return ids;
}

/** The id of entity `entity` in a name index. */
export function idAt(index: Pick<NameIndex, 'ids'>, entity: number): string {
  return entityIds(index)[entity]!;
}

/** The type of entity `entity` in a name index (types travel as one code unit each, which parses in no time). */
export function typeAt(index: Pick<NameIndex, 'types'>, entity: number): EntityType {
  return ENTITY_TYPES[index.types.charCodeAt(entity) - TYPE_CODE_BASE]!;
}

/** Encode entity types for NameIndex.types. */
export function encodeTypes(types: readonly EntityType[]): string {
  return types.map((t) => String.fromCharCode(TYPE_CODE_BASE + ENTITY_TYPES.indexOf(t))).join('');
}

const TYPE_CODE_BASE = 0x30;
