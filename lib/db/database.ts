import Dexie, { type EntityTable } from 'dexie';
import type { EntityRecord } from '../data/bundle';
import type { Clipping } from '../clippings/schema';
import { DATABASE_NAME } from './name';

export { DATABASE_NAME };

export interface MetaRow {
  key: string;
  value: unknown;
}

/** A saved passage, stored as validated (lib/clippings/schema.ts). */
export type ClippingRow = Clipping;

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

  clippings!: EntityTable<ClippingRow, 'id'>;
  settings!: EntityTable<MetaRow, 'key'>;

  constructor(name = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      entities: 'id, type, *searchKeys',
      meta: 'key',
    });
    // v2: the reader's own tables. A dataset load never touches them (seedDataset writes entities and meta only).
    this.version(2).stores({
      // The multi-entry name index cost most of the load time (20,000 keys); search runs on the in-memory index.
      entities: 'id, type',
      clippings: 'id, createdAt, url, site, *entityIds, *tags',
      settings: 'key',
    });
  }
}
