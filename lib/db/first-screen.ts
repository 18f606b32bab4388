import type { Clipping } from '../clippings/schema';
import { DATABASE_NAME } from './name';
import { readNewestRecords } from './newest-clippings';

/** Clippings read for the first screen (more than fit on a tall window); the full list follows. */
export const FIRST_SCREEN_ROWS = 30;

/** Where the clippings page's first script leaves its read for the page's main module to take up. */
const HANDOFF = '__aiAtlasFirstScreen';
type WithHandoff = typeof globalThis & { [HANDOFF]?: Promise<Clipping[] | undefined> };

/**
 * Begin reading the first screen at once. Run by a tiny classic script in the page's <head>, so the read (mostly
 * waiting on the storage process) overlaps the loading and evaluation of the page's modules instead of following it.
 */
export function startFirstScreenRead(): void {
  performance.mark('atlas:query');
  (globalThis as WithHandoff)[HANDOFF] = readNewestRecords(DATABASE_NAME, FIRST_SCREEN_ROWS).catch(() => undefined);
}

/** The read begun by startFirstScreenRead, once (later reloads read afresh); undefined if none was begun. */
export function takeFirstScreenRead(): Promise<Clipping[] | undefined> | undefined {
  const g = globalThis as WithHandoff;
  const read = g[HANDOFF];
  delete g[HANDOFF];
  return read;
}
