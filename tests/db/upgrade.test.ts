import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AtlasDatabase, META_DATASET } from '@/lib/db/database';
import { seedDataset } from '@/lib/db/seed';
import { buildBundle } from '@/lib/data/build';
import { entity, sampleBundle, toTraditional } from '../helpers/fixtures';
import { makeClipping } from '../helpers/clippings';

describe('schema upgrade and user data', () => {
  it('opens a version-1 database at version 2 with its dataset intact', async () => {
    const name = 'upgrade-v1';
    const v1 = new Dexie(name);
    v1.version(1).stores({ entities: 'id, type, *searchKeys', meta: 'key' });
    const bundle = sampleBundle();
    await v1.table('entities').bulkPut(bundle.entities);
    await v1.table('meta').put({ key: META_DATASET, value: { version: bundle.version, asOf: bundle.asOf, entityCount: bundle.entities.length, loadedAt: 'x' } });
    v1.close();

    const db = new AtlasDatabase(name);
    expect(db.verno).toBe(2);
    await db.open();
    expect(await db.entities.count()).toBe(bundle.entities.length);
    expect((await seedDataset(db, bundle)).status).toBe('current');
    expect(db.tables.map((t) => t.name).sort()).toEqual(['clippings', 'entities', 'meta', 'settings']);
    await db.delete();
  });

  it('keeps the reader’s clippings and settings through a dataset update', async () => {
    const db = new AtlasDatabase('user-data-survives');
    await seedDataset(db, sampleBundle());
    const clipping = makeClipping(1);
    await db.clippings.put(clipping);
    await db.settings.put({ key: 'enabled', value: false });
    const next = buildBundle([entity('company-new', '新公司')], toTraditional, 'later');
    expect((await seedDataset(db, next)).status).toBe('loaded');
    expect(await db.clippings.get(clipping.id)).toEqual(clipping);
    expect((await db.settings.get('enabled'))?.value).toBe(false);
    await db.delete();
  });
});
