import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AtlasDatabase } from '@/lib/db/database';
import { currentDataset, seedDataset } from '@/lib/db/seed';
import { buildBundle } from '@/lib/data/build';
import { entity, sampleBundle, sampleEntities, toTraditional } from '../helpers/fixtures';

let n = 0;
const dbs: AtlasDatabase[] = [];
const freshDb = () => {
  const db = new AtlasDatabase(`test-${++n}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('seedDataset', () => {
  it('loads the bundle once, keyed by its version', async () => {
    const db = freshDb();
    const bundle = sampleBundle();
    const first = await seedDataset(db, bundle);
    expect(first.status).toBe('loaded');
    expect(await db.entities.count()).toBe(sampleEntities.length);
    expect((await db.entities.get('place-320500'))?.names.zhHant).toBe('蘇州市');
    const second = await seedDataset(db, bundle);
    expect(second.status).toBe('current');
    expect((await currentDataset(db))?.version).toBe(bundle.version);
  });

  it('replaces the entities when the dataset version changes, dropping removed ones', async () => {
    const db = freshDb();
    await seedDataset(db, sampleBundle());
    const next = buildBundle([entity('company-new', '新公司')], toTraditional, 'later');
    expect((await seedDataset(db, next)).status).toBe('loaded');
    expect(await db.entities.toCollection().primaryKeys()).toEqual(['company-new']);
    expect((await currentDataset(db))?.version).toBe(next.version);
  });

  it('rejects a malformed bundle and keeps the dataset it had', async () => {
    const db = freshDb();
    const good = sampleBundle();
    await seedDataset(db, good);
    const broken = { ...good, version: 'broken', entities: [{ id: 'x' }] };
    await expect(seedDataset(db, broken)).rejects.toThrow();
    expect((await currentDataset(db))?.version).toBe(good.version);
    expect(await db.entities.count()).toBe(sampleEntities.length);
  });

  it('rolls back a load that fails half-way', async () => {
    const db = freshDb();
    const good = sampleBundle();
    await seedDataset(db, good);
    const next = buildBundle([entity('company-new', '新公司')], toTraditional, 'later');
    const original = db.entities.bulkPut.bind(db.entities);
    db.entities.bulkPut = (async (...args: Parameters<typeof original>) => {
      await original(...args);
      throw new Error('QuotaExceededError: disk full');
    }) as unknown as typeof db.entities.bulkPut;
    await expect(seedDataset(db, next)).rejects.toThrow(/disk full/);
    db.entities.bulkPut = original;
    expect((await currentDataset(db))?.version).toBe(good.version);
    expect(await db.entities.get('place-320500')).toBeDefined();
    expect(await db.entities.get('company-new')).toBeUndefined();
  });
});
