import { config } from 'zod/mini';
import { en } from 'zod/locales';
import { Entity, type Entity as EntityT } from './schema';
import {
  BLOCKER_ENTITY,
  encodeTypes,
  ID_SEPARATOR,
  NAME_CASE_SENSITIVE,
  type DatasetBundle,
  type EntityRecord,
  type NameEntry,
  type NameIndex,
} from './bundle';
import { nameKey, parseVariantPairs } from '../match/normalize';
import { packTrie } from '../match/packed-trie';
import { mergePlace, yieldToCurated } from './divisions';
import { pinyinKeys, searchForm } from '../search/normalize-query';

// zod/mini carries no messages of its own: reviewers running data:check read English ones.
config(en());

/** Names this short are never matched in page text: one Chinese character is almost always a false positive. */
export const MIN_MATCH_LENGTH = 2;

export interface SourceFile {
  path: string;
  text: string;
}

export interface BuildProblem {
  path: string;
  message: string;
}

/** Parse and validate every source file, then check what only the whole set can show. */
export function validateSources(
  files: SourceFile[],
  generated: EntityT[] = [],
): { entities: EntityT[]; problems: BuildProblem[] } {
  const problems: BuildProblem[] = [];
  const entities: EntityT[] = [];
  const pathById = new Map<string, string>();

  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(file.text);
    } catch (err) {
      problems.push({ path: file.path, message: `not valid JSON: ${(err as Error).message}` });
      continue;
    }
    const parsed = Entity.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ path: file.path, message: `${issue.path.join('.') || '(root)'}: ${issue.message}` });
      }
      continue;
    }
    const entity = parsed.data;
    const expectedName = `${entity.id}.json`;
    if (!file.path.endsWith(`/${entity.type}/${expectedName}`) && !file.path.endsWith(expectedName)) {
      problems.push({ path: file.path, message: `file must be named ${entity.type}/${expectedName}` });
    }
    const previous = pathById.get(entity.id);
    if (previous) {
      problems.push({ path: file.path, message: `duplicate id ${entity.id} (also in ${previous})` });
      continue;
    }
    pathById.set(entity.id, file.path);
    entities.push(entity);
  }

  if (generated.length) {
    const curatedById = new Map(entities.map((e, i) => [e.id, i]));
    const extra: EntityT[] = [];
    for (const g of yieldToCurated(generated, entities)) {
      const i = curatedById.get(g.id);
      if (i === undefined) extra.push(g);
      else entities[i] = mergePlace(g, entities[i]!);
      if (i === undefined) pathById.set(g.id, `(generated) ${g.id}`);
    }
    entities.push(...extra);
  }

  for (const entity of entities) {
    const path = pathById.get(entity.id) ?? entity.id;
    for (const relation of entity.relations) {
      if (!pathById.has(relation.target)) {
        problems.push({ path, message: `relation ${relation.kind} → ${relation.target}: no such entity` });
      } else if (relation.target === entity.id) {
        problems.push({ path, message: `relation ${relation.kind} points at itself` });
      }
    }
  }
  return { entities, problems };
}

/**
 * Matchable names shared by several entities. Each one must be marked `ambiguous` on every entity that uses it
 * (then the matcher offers the candidates) — an unmarked collision is a data error.
 */
export function aliasCollisions(entities: EntityT[]): BuildProblem[] {
  const byKey = new Map<string, { id: string; ambiguous: boolean; text: string }[]>();
  for (const e of entities) {
    // The same names the matcher gets (Traditional spellings fold onto these, so they need no check of their own).
    const names = expandNames(e, (t) => t).aliases;
    const seen = new Set<string>();
    for (const a of names) {
      if (a.noMatch || [...a.text].length < MIN_MATCH_LENGTH) continue;
      const key = a.caseSensitive ? `=${a.text}` : nameKey(a.text);
      if (seen.has(key)) continue;
      seen.add(key);
      const list = byKey.get(key) ?? [];
      list.push({ id: e.id, ambiguous: a.ambiguous === true, text: a.text });
      byKey.set(key, list);
    }
  }
  const problems: BuildProblem[] = [];
  for (const list of byKey.values()) {
    if (list.length < 2 || list.every((x) => x.ambiguous)) continue;
    const unmarked = list.filter((x) => !x.ambiguous).map((x) => x.id);
    problems.push({
      path: unmarked.join(', '),
      message: `name "${list[0]!.text}" is shared by ${list.map((x) => x.id).join(', ')}: mark it ambiguous on each, or noMatch where it should not be matched`,
    });
  }
  return problems;
}

export type ToTraditional = (simplified: string) => string;

const hasHan = (s: string) => /\p{Script=Han}/u.test(s);

/** Every name an entity can be written as, with Traditional spellings generated for the Chinese ones. */
export function expandNames(entity: EntityT, toTraditional: ToTraditional): EntityRecord['names'] {
  const zhHant = entity.names.zhHant ?? toTraditional(entity.names.zhHans);
  const aliases = [...entity.names.aliases];
  const seen = new Set(aliases.map((a) => a.text));
  const add = (text: string, lang: 'zh-Hans' | 'zh-Hant' | 'en') => {
    if (seen.has(text)) return;
    seen.add(text);
    aliases.push({ text, lang });
  };
  add(entity.names.zhHans, 'zh-Hans');
  // The Traditional full name carries the flags of the Simplified one (a noMatch full name stays unmatched).
  const full = aliases.find((a) => a.text === entity.names.zhHans);
  if (!seen.has(zhHant)) {
    seen.add(zhHant);
    aliases.push({ ...full, text: zhHant, lang: 'zh-Hant' });
  }
  if (entity.names.en) add(entity.names.en, 'en');
  if (entity.names.common) add(entity.names.common, 'zh-Hans');
  for (const alias of [...aliases]) {
    if (alias.lang === 'zh-Hans' && hasHan(alias.text)) {
      const trad = toTraditional(alias.text);
      if (!seen.has(trad)) {
        seen.add(trad);
        aliases.push({ ...alias, text: trad, lang: 'zh-Hant' });
      }
    }
  }
  const display = entity.names.common ?? entity.names.zhHans;
  const displayHant = entity.names.common ? toTraditional(entity.names.common) : zhHant;
  return { zhHans: entity.names.zhHans, zhHant, display, displayHant, en: entity.names.en, aliases };
}

const newest = (dates: string[]) => dates.reduce((a, b) => (b > a ? b : a), '');

/** Pinyin syllables of a Chinese name, separated by spaces (pinyin-pro at build time). */
export type PinyinOf = (chinese: string) => string;

/** Build-time pinyin: toneless for search keys, toned for the reader. */
export interface Pinyin {
  plain: PinyinOf;
  toned: PinyinOf;
}

const HAN_TEXT = /\p{Script=Han}/u;

/** Every form a reader may type to find the entity: names in both scripts, English, full pinyin and initials. */
export function searchKeysOf(names: EntityRecord['names'], pinyinOf?: PinyinOf): string[] {
  const keys = new Set<string>();
  for (const a of names.aliases) {
    keys.add(searchForm(a.text));
    if (pinyinOf && a.lang === 'zh-Hans' && HAN_TEXT.test(a.text)) for (const k of pinyinKeys(pinyinOf(a.text))) keys.add(k);
  }
  if (pinyinOf) for (const k of pinyinKeys(pinyinOf(names.display))) keys.add(k);
  keys.delete('');
  return [...keys];
}

/**
 * Toned pinyin of a display name. A place's curated reading of its short name (attributes.pinyin, with fixes such
 * as 长安 cháng ān) replaces the generated syllables it covers: 长安区 reads cháng ān qū, not zhǎng ān qū.
 */
export function readingOf(display: string, curated: unknown, toned: PinyinOf): string {
  const syllables = toned(display).split(' ');
  if (typeof curated === 'string' && curated) {
    const fixed = curated.split(' ');
    if (fixed.length <= syllables.length) syllables.splice(0, fixed.length, ...fixed);
  }
  return syllables.join(' ');
}

export function toRecord(entity: EntityT, toTraditional: ToTraditional, pinyin?: Pinyin): EntityRecord {
  const names = expandNames(entity, toTraditional);
  const searchKeys = searchKeysOf(names, pinyin?.plain);
  const toned = HAN_TEXT.test(names.display) && pinyin ? readingOf(names.display, entity.attributes.pinyin, pinyin.toned) : undefined;
  return {
    id: entity.id,
    type: entity.type,
    names: toned ? { ...names, pinyin: toned } : names,
    summary: entity.summary,
    attributes: entity.attributes,
    relations: entity.relations,
    facts: entity.facts,
    asOf: newest(entity.facts.map((f) => f.asOf)),
    searchKeys,
  };
}

/** FNV-1a over the canonical JSON: a short, stable content version without a crypto dependency. */
export function contentVersion(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x85ebca6b) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

export function buildBundle(
  entities: EntityT[],
  toTraditional: ToTraditional,
  builtAt: string,
  pinyin?: Pinyin,
): DatasetBundle {
  const records = [...entities].sort((a, b) => a.id.localeCompare(b.id)).map((e) => toRecord(e, toTraditional, pinyin));
  const version = contentVersion(JSON.stringify(records));
  return { version, builtAt, asOf: newest(records.map((r) => r.asOf)), entities: records };
}

/** The matcher's index: every matchable alias and blocker, keyed for the automaton, sorted by key. */
export function buildNameIndex(bundle: DatasetBundle, variantPairs = '', blockers: string[] = []): NameIndex {
  const variants = parseVariantPairs(variantPairs);
  const ids = bundle.entities.map((e) => e.id);
  const position = new Map(ids.map((id, i) => [id, i]));
  const types = encodeTypes(bundle.entities.map((e) => e.type));
  const parents = bundle.entities.map((e) => {
    const parent = e.relations.find((r) => r.kind === 'located_in' || r.kind === 'headquartered_in');
    return parent ? (position.get(parent.target) ?? -1) : -1;
  });
  const names: NameEntry[] = [];
  const seen = new Set<string>();
  const push = (key: string, entity: number, flags: number, exact: string) => {
    const id = `${key}\u0000${entity}\u0000${exact}`;
    if (seen.has(id)) return;
    seen.add(id);
    names.push([key, entity, flags, exact]);
  };
  bundle.entities.forEach((entity, index) => {
    for (const alias of entity.names.aliases) {
      if (alias.noMatch) continue;
      const key = nameKey(alias.text, variants);
      if ([...key].length < MIN_MATCH_LENGTH) continue;
      if (alias.caseSensitive) push(key, index, NAME_CASE_SENSITIVE, alias.text);
      else push(key, index, 0, '');
    }
  });
  for (const word of blockers) push(nameKey(word, variants), BLOCKER_ENTITY, 0, '');
  names.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  return { version: bundle.version, ids: ids.join(ID_SEPARATOR), types, parents, variants: variantPairs, trie: packTrie(names) };
}
