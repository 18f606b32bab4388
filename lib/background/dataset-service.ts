import type { EntityRecord } from '../data/bundle';
import { AtlasDatabase } from '../db/database';
import { currentDataset, seedDataset } from '../db/seed';
import type { DatasetInfo } from '../messages/protocol';

/**
 * The background's view of the dataset: makes sure IndexedDB holds the bundled version before answering, so a
 * request that wakes the service worker mid-upgrade still gets the right facts.
 */
export class DatasetService {
  private ready: Promise<void> | undefined;

  constructor(
    private readonly db: AtlasDatabase,
    private readonly loadBundle: () => Promise<unknown>,
  ) {}

  /** Idempotent; a failed load is retried on the next call rather than cached. */
  ensureLoaded(): Promise<void> {
    this.ready ??= (async () => {
      const bundle = await this.loadBundle();
      const result = await seedDataset(this.db, bundle);
      if (result.status === 'loaded') {
        console.info(`[ai-atlas] dataset ${result.meta.version} loaded: ${result.meta.entityCount} entities`);
      }
    })().catch((err: unknown) => {
      this.ready = undefined;
      throw err;
    });
    return this.ready;
  }

  async get(id: string): Promise<EntityRecord | null> {
    await this.ensureLoaded();
    return (await this.db.entities.get(id)) ?? null;
  }

  async getMany(ids: string[]): Promise<EntityRecord[]> {
    await this.ensureLoaded();
    const rows = await this.db.entities.bulkGet(ids);
    return rows.filter((r): r is EntityRecord => r !== undefined);
  }

  async info(): Promise<DatasetInfo | null> {
    await this.ensureLoaded();
    return (await currentDataset(this.db)) ?? null;
  }
}
