import { z } from 'zod';
import { Alias, Bilingual, EntityType, Fact, Relation } from './schema';

/**
 * The built fact bundle: what the background loads into IndexedDB. Produced by scripts/build-data.ts from
 * the reviewed sources; every Chinese name already has its Traditional spelling.
 */
export const EntityRecord = z.object({
  id: z.string(),
  type: EntityType,
  names: z.object({
    zhHans: z.string(),
    zhHant: z.string(),
    /** Title in Simplified / Traditional: the common name, else the full name. */
    display: z.string(),
    displayHant: z.string(),
    en: z.string().optional(),
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
});
export type EntityRecord = z.infer<typeof EntityRecord>;

export const DatasetBundle = z.object({
  /** Content hash of the entities: the key that decides whether IndexedDB must be refilled. */
  version: z.string().min(1),
  builtAt: z.string(),
  /** Newest as-of date across the whole dataset. */
  asOf: z.string(),
  entities: z.array(EntityRecord),
});
export type DatasetBundle = z.infer<typeof DatasetBundle>;

/** Flags on a name-index entry, packed to keep the content script's index small. */
export const NAME_CASE_SENSITIVE = 1;
/** Entity index of a blocker: a longer word that contains a name but is not that entity (苏州河, 中山装). */
export const BLOCKER_ENTITY = -1;

/** [key, entity index (or BLOCKER_ENTITY), flags, exact surface for case-sensitive names (else '')]. */
export type NameEntry = [key: string, entity: number, flags: number, exact: string];

/**
 * The compact name index the content script matches against: built at extension build time, entries sorted by key
 * in UTF-16 code-unit order so the automaton can be laid out in one pass at start-up.
 */
export const NameIndex = z.object({
  version: z.string(),
  ids: z.array(z.string()),
  types: z.array(EntityType),
  /** Each entity's parent place (located_in) as an entity index, or -1: context for ambiguous names. */
  parents: z.array(z.number().int()),
  /** Pairs of (variant, canonical) characters: Traditional spellings folded onto the Simplified ones. */
  variants: z.string(),
  names: z.array(z.tuple([z.string(), z.number().int(), z.number().int().nonnegative(), z.string()])),
});
export type NameIndex = z.infer<typeof NameIndex>;
