import { DatasetBundle, type EntityRecord } from '../data/bundle';
import type { AtlasDatabase } from '../db/database';
import { currentDataset, seedDataset } from '../db/seed';
import type { DatasetInfo, RelatedLink } from '../messages/protocol';
import { DatasetSearch, hitOf, type SearchHit } from '../search/dataset-search';
import type { EntityType } from '../data/schema';

/** Everything the search and the related-entity views need, built once per service-worker lifetime. */
interface Graph {
  search: DatasetSearch;
  hits: Map<string, SearchHit>;
  incoming: Map<string, { kind: RelatedLink['kind']; from: string }[]>;
  outgoing: Map<string, { kind: RelatedLink['kind']; to: string }[]>;
}

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
  private graph: Promise<Graph> | undefined;

  constructor(
    private readonly db: AtlasDatabase,
    private readonly loadBundle: () => Promise<unknown>,
    private readonly now: () => number = () => performance.now(),
    /** The bundled dataset's version, known without reading the bundle: a wake-up with a current database skips it. */
    private readonly bundledVersion?: string,
  ) {}

  /** Idempotent; a failed bundle load is retried on the next call rather than cached. */
  ensureLoaded(): Promise<Mode> {
    this.ready ??= (async (): Promise<Mode> => {
      if (this.bundledVersion) {
        const current = await currentDataset(this.db).catch(() => undefined);
        if (current?.version === this.bundledVersion) return { kind: 'indexeddb' };
      }
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

  /** List entries for these ids (a few hundred bytes each, where getMany sends whole records). */
  async hits(ids: string[]): Promise<SearchHit[]> {
    return (await this.getMany(ids)).map(hitOf);
  }

  async search(query: string, type?: EntityType, limit?: number): Promise<SearchHit[]> {
    return (await this.loadGraph()).search.search(query, limit, type);
  }

  /** The entity's relations both ways, e.g. a city's companies (incoming headquartered_in) and its province. */
  async related(id: string): Promise<RelatedLink[]> {
    const g = await this.loadGraph();
    const links: RelatedLink[] = [];
    for (const r of g.outgoing.get(id) ?? []) {
      const hit = g.hits.get(r.to);
      if (hit) links.push({ kind: r.kind, direction: 'outgoing', entity: hit });
    }
    for (const r of g.incoming.get(id) ?? []) {
      const hit = g.hits.get(r.from);
      if (hit) links.push({ kind: r.kind, direction: 'incoming', entity: hit });
    }
    return links;
  }

  private loadGraph(): Promise<Graph> {
    this.graph ??= (async () => {
      const mode = await this.ensureLoaded();
      const records = mode.kind === 'memory' ? mode.bundle.entities : await this.db.entities.toArray();
      const search = new DatasetSearch(records);
      const hits = new Map<string, SearchHit>();
      const incoming: Graph['incoming'] = new Map();
      const outgoing: Graph['outgoing'] = new Map();
      for (const r of records) {
        hits.set(r.id, hitOf(r));
        for (const rel of r.relations) {
          const out = outgoing.get(r.id) ?? [];
          out.push({ kind: rel.kind, to: rel.target });
          outgoing.set(r.id, out);
          const inc = incoming.get(rel.target) ?? [];
          inc.push({ kind: rel.kind, from: r.id });
          incoming.set(rel.target, inc);
        }
      }
      return { search, hits, incoming, outgoing };
    })().catch((err: unknown) => {
      this.graph = undefined;
      throw err;
    });
    return this.graph;
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
