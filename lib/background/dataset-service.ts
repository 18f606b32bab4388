import { DatasetBundle, type EntityRecord } from '../data/bundle';
import type { AtlasDatabase } from '../db/database';
import { currentDataset, seedDataset } from '../db/seed';
import type { DatasetInfo } from '../messages/protocol';

type Mode =
  | { kind: 'indexeddb' }
  /** IndexedDB failed (private window, quota, a broken upgrade): answers come from the bundle in memory. */
  | { kind: 'memory'; error: string; byId: Map<string, EntityRecord>; bundle: DatasetBundle };

/**
 * The background's view of the dataset. It makes sure IndexedDB holds the bundled version before answering (a
 * request can wake the service worker mid-upgrade), and when IndexedDB cannot be used it answers from the bundle
 * instead, so lookups keep working and the popup can tell the reader why.
 */
export class DatasetService {
  private ready: Promise<Mode> | undefined;

  constructor(
    private readonly db: AtlasDatabase,
    private readonly loadBundle: () => Promise<unknown>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Idempotent; a failed bundle load is retried on the next call rather than cached. */
  ensureLoaded(): Promise<Mode> {
    this.ready ??= (async (): Promise<Mode> => {
      const raw = await this.loadBundle();
      const started = this.now();
      try {
        const result = await seedDataset(this.db, raw);
        if (result.status === 'loaded') {
          const ms = Math.round(this.now() - started);
          console.info(`[ai-atlas] dataset ${result.meta.version} loaded into IndexedDB: ${result.meta.entityCount} entities in ${ms} ms`);
          await this.db.meta.put({ key: 'lastLoadMs', value: ms });
        }
        return { kind: 'indexeddb' };
      } catch (err) {
        const bundle = DatasetBundle.parse(raw);
        const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        console.warn(`[ai-atlas] IndexedDB unavailable, answering from the bundled dataset: ${error}`);
        return { kind: 'memory', error, bundle, byId: new Map(bundle.entities.map((e) => [e.id, e])) };
      }
    })().catch((err: unknown) => {
      this.ready = undefined;
      throw err;
    });
    return this.ready;
  }

  async get(id: string): Promise<EntityRecord | null> {
    const mode = await this.ensureLoaded();
    if (mode.kind === 'memory') return mode.byId.get(id) ?? null;
    return (await this.db.entities.get(id)) ?? null;
  }

  async getMany(ids: string[]): Promise<EntityRecord[]> {
    const mode = await this.ensureLoaded();
    const rows = mode.kind === 'memory' ? ids.map((id) => mode.byId.get(id)) : await this.db.entities.bulkGet(ids);
    return rows.filter((r): r is EntityRecord => r !== undefined);
  }

  async info(): Promise<DatasetInfo | null> {
    const mode = await this.ensureLoaded();
    if (mode.kind === 'memory') {
      const b = mode.bundle;
      return { version: b.version, asOf: b.asOf, entityCount: b.entities.length, loadedAt: b.builtAt, storage: 'memory', storageError: mode.error };
    }
    const meta = await currentDataset(this.db);
    if (!meta) return null;
    const lastLoadMs = (await this.db.meta.get('lastLoadMs'))?.value;
    return { ...meta, storage: 'indexeddb', ...(typeof lastLoadMs === 'number' ? { lastLoadMs } : {}) };
  }
}
