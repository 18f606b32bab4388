import Dexie, { type EntityTable } from 'dexie';
import type { EntityRecord } from '../data/bundle';

export const DATABASE_NAME = 'ai-atlas';

export interface MetaRow {
  key: string;
  value: unknown;
}

/** Meta keys. */
export const META_DATASET = 'dataset';

export interface DatasetMeta {
  version: string;
  asOf: string;
  entityCount: number;
  loadedAt: string;
}

/**
 * The extension-origin database. Entities are replaced wholesale when the bundled dataset changes; the user's
 * own tables (clippings, added later) are never touched by a dataset load.
 */
export class AtlasDatabase extends Dexie {
  entities!: EntityTable<EntityRecord, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      entities: 'id, type, *searchKeys',
      meta: 'key',
    });
  }
}
