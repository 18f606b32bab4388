import * as z from 'zod/mini';
import { DatasetBundle } from '../data/bundle';
import { EntityType } from '../data/schema';
import { lazySchema } from '../schema/lazy-schema';
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
  const bundle = checkBundle(input);
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

/**
 * The bundle was validated in full when it was built; in the service worker a full parse of thousands of
 * entities costs a few hundred milliseconds of the load, so the header is parsed in full and each entity's
 * identity fields only. A corrupt or truncated bundle still fails here, before anything is written.
 */
const BundleHeader = lazySchema(() =>
  z.extend(z.omit(DatasetBundle, { entities: true }), {
    entities: z.array(z.looseObject({ id: z.string(), type: EntityType })).check(z.minLength(1)),
  }),
);

export function checkBundle(input: unknown): DatasetBundle {
  BundleHeader.parse(input);
  return input as DatasetBundle;
}
