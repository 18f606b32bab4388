import type { Clipping } from '../clippings/schema';
import type { AtlasDatabase } from './database';

/** IDBIndex.getAllRecords (Chrome 141+): one request for a whole range, in either direction. */
type RecordsIndex = IDBIndex & {
  getAllRecords?: (options: { direction?: IDBCursorDirection; count?: number }) => IDBRequest<{ value: unknown }[]>;
};

const requestResult = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

/**
 * The newest `count` clippings, newest first: what the clippings page shows before anything else.
 *
 * Where the browser can read an index backwards in one request (getAllRecords), a plain connection does it: it
 * opens in about a millisecond, where Dexie's open takes tens, and a backwards cursor costs a round trip to the
 * storage process per row. The connection never creates or upgrades the database (that stays Dexie's job) and
 * closes at once, so it never holds up a later upgrade. Elsewhere, or if anything is unexpected, Dexie reads it.
 *
 * `headStart` is that same fast read begun earlier (by the page's first, tiny script, before its modules load).
 */
export async function newestClippings(
  db: AtlasDatabase | (() => Promise<AtlasDatabase>),
  count: number,
  name: string,
  headStart?: Promise<Clipping[] | undefined>,
): Promise<Clipping[]> {
  const fast = await (headStart ?? readNewestRecords(name, count)).catch(() => undefined);
  if (fast) return fast;
  const dexie = typeof db === 'function' ? await db() : db;
  return dexie.clippings.orderBy('createdAt').reverse().limit(count).toArray();
}

/** The fast read alone: undefined where the browser lacks getAllRecords or the database is not there yet. */
export async function readNewestRecords(name: string, count: number): Promise<Clipping[] | undefined> {
  if (typeof (globalThis.IDBIndex?.prototype as RecordsIndex | undefined)?.getAllRecords !== 'function') return undefined;
  const open = indexedDB.open(name);
  // The database does not exist yet: do not create it here.
  open.onupgradeneeded = () => open.transaction?.abort();
  const connection = await requestResult(open);
  try {
    if (!connection.objectStoreNames.contains('clippings')) return undefined;
    const store = connection.transaction('clippings', 'readonly').objectStore('clippings');
    if (!store.indexNames.contains('createdAt')) return undefined;
    const index = store.index('createdAt') as RecordsIndex;
    const records = await requestResult(index.getAllRecords!({ direction: 'prev', count }));
    return records.map((r) => r.value as Clipping);
  } finally {
    connection.close();
  }
}
