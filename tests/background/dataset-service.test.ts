import 'fake-indexeddb/auto';
import { IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { DatasetService } from '@/lib/background/dataset-service';
import { AtlasDatabase } from '@/lib/db/database';
import { sampleBundle } from '../helpers/fixtures';

let n = 0;
const opened: AtlasDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete().catch(() => undefined);
});

/** An IndexedDB factory that refuses to open anything, as in some private windows. */
const brokenIndexedDB = {
  open() {
    throw new DOMException('The user denied permission to access the database.', 'InvalidStateError');
  },
  deleteDatabase() {
    throw new DOMException('denied', 'InvalidStateError');
  },
  cmp: indexedDB.cmp.bind(indexedDB),
  databases: async () => [],
};

describe('DatasetService', () => {
  it('loads the bundle into IndexedDB once and answers from it', async () => {
    const db = new AtlasDatabase(`svc-${++n}`);
    opened.push(db);
    let loads = 0;
    const service = new DatasetService(db, async () => {
      loads++;
      return sampleBundle();
    });
    expect((await service.get('place-320500'))?.names.zhHant).toBe('蘇州市');
    expect((await service.getMany(['company-deepseek', 'company-none', 'place-330100'])).map((e) => e.id)).toEqual([
      'company-deepseek',
      'place-330100',
    ]);
    // List entries: names and type only, no facts.
    const hits = await service.hits(['place-330100', 'company-none']);
    expect(hits).toEqual([expect.objectContaining({ id: 'place-330100', type: 'place', display: '杭州市' })]);
    expect(hits[0]).not.toHaveProperty('facts');
    const info = await service.info();
    expect(info).toMatchObject({ storage: 'indexeddb', entityCount: sampleBundle().entities.length });
    expect(typeof info?.lastLoadMs).toBe('number');
    expect(loads).toBe(1);
  });

  it('answers from the bundled data when IndexedDB cannot be opened, and says why', async () => {
    const db = new AtlasDatabase(`svc-broken-${++n}`, { indexedDB: brokenIndexedDB as unknown as IDBFactory, IDBKeyRange });
    const service = new DatasetService(db, async () => sampleBundle());
    expect((await service.get('company-deepseek'))?.names.en).toBe('DeepSeek');
    const info = await service.info();
    expect(info?.storage).toBe('memory');
    expect(info?.storageError).toMatch(/denied permission/);
  });

  it('falls back to memory when the disk fills up during the load', async () => {
    const db = new AtlasDatabase(`svc-full-${++n}`);
    opened.push(db);
    db.entities.bulkPut = (async () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }) as unknown as typeof db.entities.bulkPut;
    const service = new DatasetService(db, async () => sampleBundle());
    expect((await service.get('place-330100'))?.names.en).toBe('Hangzhou');
    expect((await service.info())?.storageError).toMatch(/QuotaExceededError/);
  });

  it('retries a bundle that could not be read, instead of caching the failure', async () => {
    const db = new AtlasDatabase(`svc-retry-${++n}`);
    opened.push(db);
    let attempt = 0;
    const service = new DatasetService(db, async () => {
      if (attempt++ === 0) throw new Error('bundled dataset missing (404)');
      return sampleBundle();
    });
    await expect(service.get('place-320500')).rejects.toThrow(/404/);
    expect((await service.get('place-320500'))?.id).toBe('place-320500');
  });
});

describe('DatasetService wake-up', () => {
  it('does not read the bundle when IndexedDB already holds its version', async () => {
    const db = new AtlasDatabase(`svc-wake-${Date.now()}`);
    const bundle = sampleBundle();
    await new DatasetService(db, async () => bundle).ensureLoaded();
    let reads = 0;
    const woken = new DatasetService(db, async () => {
      reads++;
      return bundle;
    }, undefined, bundle.version);
    expect((await woken.get('place-320500'))?.id).toBe('place-320500');
    expect(reads).toBe(0);
    await db.delete();
  });
});
