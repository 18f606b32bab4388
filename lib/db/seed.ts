import { DatasetBundle } from '../data/bundle';
import { META_DATASET, type AtlasDatabase, type DatasetMeta } from './database';

export type SeedResult = { status: 'current'; meta: DatasetMeta } | { status: 'loaded'; meta: DatasetMeta };

export async function currentDataset(db: AtlasDatabase): Promise<DatasetMeta | undefined> {
  const row = await db.meta.get(META_DATASET);
  return row?.value as DatasetMeta | undefined;
}

/**
 * Make the database hold exactly `bundle`. The version check and the replacement happen in one read-write
 * transaction, so a load that is interrupted (service worker killed, disk full) leaves the previous dataset
 * and its version in place, and the next start simply tries again.
 */
export async function seedDataset(db: AtlasDatabase, input: unknown, now = new Date()): Promise<SeedResult> {
  const bundle = DatasetBundle.parse(input);
  return db.transaction('rw', db.entities, db.meta, async () => {
    const existing = await currentDataset(db);
    if (existing?.version === bundle.version) return { status: 'current', meta: existing } as const;
    await db.entities.clear();
    await db.entities.bulkPut(bundle.entities);
    const meta: DatasetMeta = {
      version: bundle.version,
      asOf: bundle.asOf,
      entityCount: bundle.entities.length,
      loadedAt: now.toISOString(),
    };
    await db.meta.put({ key: META_DATASET, value: meta });
    return { status: 'loaded', meta } as const;
  });
}
