import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AtlasDatabase } from '@/lib/db/database';
import { newestClippings } from '@/lib/db/newest-clippings';
import { startFirstScreenRead, takeFirstScreenRead } from '@/lib/db/first-screen';
import { makeClipping } from '../helpers/clippings';

let db: AtlasDatabase | undefined;
afterEach(async () => {
  db?.close();
  if (db) await db.delete();
});

const shuffled = <T>(xs: T[]) => xs.map((x, i) => [((i * 7919) % 101) / 101, x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);

describe('newestClippings', () => {
  it('never creates the database: with none yet, Dexie answers (and creates it)', async () => {
    db = new AtlasDatabase('newest-none');
    const proto = IDBIndex.prototype as IDBIndex & { getAllRecords?: unknown };
    proto.getAllRecords = () => {
      throw new Error('not reached');
    };
    try {
      expect(await newestClippings(db, 3, db.name)).toEqual([]);
      expect((await db.open()).tables.map((t) => t.name)).toContain('clippings');
    } finally {
      delete proto.getAllRecords;
    }
  });

  it('reads the newest clippings first, however they were stored, with a backwards cursor', async () => {
    db = new AtlasDatabase('newest-cursor');
    await db.clippings.bulkPut(shuffled(Array.from({ length: 40 }, (_, n) => makeClipping(n))));
    const newest = await newestClippings(db, 5, db.name);
    expect(newest.map((c) => c.id)).toEqual([39, 38, 37, 36, 35].map((n) => makeClipping(n).id));
  });

  it('uses a single backwards getAllRecords request on its own connection where the browser has it', async () => {
    db = new AtlasDatabase('newest-records');
    await db.clippings.bulkPut(shuffled(Array.from({ length: 40 }, (_, n) => makeClipping(n))));
    const proto = IDBIndex.prototype as IDBIndex & { getAllRecords?: unknown };
    const calls: unknown[] = [];
    // fake-indexeddb predates getAllRecords: emulate it from getAll, reversed, to check the options we pass.
    proto.getAllRecords = function (this: IDBIndex, options: { direction: string; count: number }) {
      calls.push(options);
      const request = this.getAll();
      const wrapped = { onsuccess: null as null | (() => void), onerror: null, result: [] as { value: unknown }[], error: null };
      request.onsuccess = () => {
        wrapped.result = (request.result as unknown[]).reverse().slice(0, options.count).map((value) => ({ value }));
        wrapped.onsuccess?.();
      };
      return wrapped;
    };
    try {
      db.close(); // the fast path needs no Dexie connection
      const newest = await newestClippings(db, 3, db.name);
      expect(newest.map((c) => c.id)).toEqual([39, 38, 37].map((n) => makeClipping(n).id));
      expect(calls).toEqual([{ direction: 'prev', count: 3 }]);
    } finally {
      delete proto.getAllRecords;
    }
  });

  it('takes a read begun earlier instead of reading again, and falls back to Dexie when it found nothing', async () => {
    db = new AtlasDatabase('newest-head-start');
    await db.clippings.bulkPut(Array.from({ length: 10 }, (_, n) => makeClipping(n)));
    const early = [makeClipping(99)];
    const never = () => Promise.reject(new Error('Dexie must not be asked'));
    expect(await newestClippings(never, 3, db.name, Promise.resolve(early))).toBe(early);
    const fallback = await newestClippings(db, 3, db.name, Promise.resolve(undefined));
    expect(fallback.map((c) => c.id)).toEqual([9, 8, 7].map((n) => makeClipping(n).id));
  });
});

describe('first-screen handoff', () => {
  it('hands the head script\'s read to the page once; later reloads read afresh', async () => {
    expect(takeFirstScreenRead()).toBeUndefined();
    startFirstScreenRead();
    const read = takeFirstScreenRead();
    expect(read).toBeInstanceOf(Promise);
    // fake-indexeddb has no getAllRecords: the early read finds nothing, and the page falls back to Dexie.
    expect(await read).toBeUndefined();
    expect(takeFirstScreenRead()).toBeUndefined();
  });
});

