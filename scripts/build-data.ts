/**
 * Validate data/entities and build (a) the fact bundle the background loads into IndexedDB and (b) the name
 * index the background matches pages' text against. `--check` validates only.
 *   npm run data:check   |   npm run data:build
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { aliasCollisions, buildBundle, buildNameIndex, validateSources, type SourceFile } from '../lib/data/build';
import { loadDivisions } from './data/divisions';
import { collectVariantPairs } from '../lib/data/variants';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ENTITIES_DIR = join(root, 'data/entities');
export const BUNDLE_PATH = join(root, 'public/data/dataset.json');
export const NAME_INDEX_PATH = join(root, 'generated/name-index.json');
export const BLOCKERS_PATH = join(root, 'data/match/blockers.json');

async function readBlockers(): Promise<string[]> {
  const json = JSON.parse(await readFile(BLOCKERS_PATH, 'utf8')) as Record<string, unknown>;
  return Object.entries(json)
    .filter(([k]) => !k.startsWith('$'))
    .flatMap(([, words]) => (Array.isArray(words) ? words.filter((w): w is string => typeof w === 'string') : []));
}

async function listJson(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listJson(join(dir, e.name)) : Promise.resolve(e.name.endsWith('.json') ? [join(dir, e.name)] : []))),
  );
  return nested.flat().sort();
}

async function main(): Promise<void> {
  const checkOnly = process.argv.includes('--check');
  const paths = await listJson(ENTITIES_DIR);
  const files: SourceFile[] = await Promise.all(
    paths.map(async (p) => ({ path: relative(root, p), text: await readFile(p, 'utf8') })),
  );
  const { entities: curated, problems: found } = validateSources(files, await loadDivisions());
  const entities = curated;
  // --draft: while a batch of entities is being written, relations may point at entities not written yet.
  const draft = process.argv.includes('--draft');
  const problems = draft ? found.filter((p) => !p.message.includes('no such entity')) : found;
  if (draft) {
    const ids = new Set(entities.map((e) => e.id));
    for (const e of entities) e.relations = e.relations.filter((r) => ids.has(r.target));
  }
  problems.push(...aliasCollisions(entities));
  if (problems.length) {
    for (const p of problems) console.error(`${p.path}: ${p.message}`);
    console.error(`\n${problems.length} problem(s) in ${files.length} file(s): the dataset was not built.`);
    process.exit(1);
  }
  const counts = new Map<string, number>();
  for (const e of entities) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  const facts = entities.reduce((n, e) => n + e.facts.length, 0);
  const summary = [...counts].map(([t, n]) => `${n} ${t}`).join(', ');
  if (checkOnly) {
    console.log(`data ok: ${entities.length} entities (${summary}), ${facts} facts, every one sourced.`);
    return;
  }
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const bundle = buildBundle(entities, toTraditional, new Date().toISOString(), {
    plain: (text) => pinyin(text, { toneType: 'none', type: 'string', nonZh: 'removed' }),
    toned: (text) => pinyin(text, { type: 'string', nonZh: 'consecutive' }),
  });
  const aliases = bundle.entities.flatMap((e) => e.names.aliases);
  const variants = collectVariantPairs(
    aliases.filter((a) => a.lang !== 'zh-Hant').map((a) => a.text),
    aliases.filter((a) => a.lang === 'zh-Hant').map((a) => a.text),
    {
      toTraditional: [toTraditional, OpenCC.Converter({ from: 'cn', to: 't' }), OpenCC.Converter({ from: 'cn', to: 'hk' })],
      toSimplified: OpenCC.Converter({ from: 'tw', to: 'cn' }),
    },
  );
  const index = buildNameIndex(bundle, variants, await readBlockers());
  await mkdir(dirname(BUNDLE_PATH), { recursive: true });
  await mkdir(dirname(NAME_INDEX_PATH), { recursive: true });
  await writeFile(BUNDLE_PATH, JSON.stringify(bundle));
  await writeFile(NAME_INDEX_PATH, JSON.stringify(index));
  // The background compares this with IndexedDB before fetching the 5 MB bundle.
  await writeFile(join(root, 'generated/dataset-version.json'), JSON.stringify({ version: bundle.version }));
  console.log(
    `dataset ${bundle.version}: ${entities.length} entities (${summary}), ${facts} facts, ${index.trie.entities.length} names → ` +
      `${relative(root, BUNDLE_PATH)}, ${relative(root, NAME_INDEX_PATH)}`,
  );
}

await main();
