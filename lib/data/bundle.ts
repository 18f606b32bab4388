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

/**
 * The compact name index the content script matches against: parallel arrays, ids referenced by position.
 * names[i] = [surface text, entity index, flags].
 */
export const NameIndex = z.object({
  version: z.string(),
  ids: z.array(z.string()),
  types: z.array(EntityType),
  names: z.array(z.tuple([z.string(), z.number().int().nonnegative(), z.number().int().nonnegative()])),
});
export type NameIndex = z.infer<typeof NameIndex>;
