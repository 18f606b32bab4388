import { idAt, typeAt, type NameIndex } from '../data/bundle';
import type { EntityType } from '../data/schema';
import type { Automaton, Mention } from './automaton';

/** What a page needs to know of an entity it found: its id, its type, and its parent place's index (or -1). */
export type FoundEntity = [index: number, id: string, type: EntityType, parent: number];

/**
 * The mentions in a batch of texts, as the background sends them to a page.
 *
 * - `found[k]` holds text k's mentions flat: start, end, entity, the number of alternatives, then the alternatives.
 *   Plain integers keep the reply small and quick to check on the page.
 * - `entities` describes every entity index that `found` refers to, so the page needs no name index of its own.
 */
export interface MatchReply {
  found: number[][];
  entities: FoundEntity[];
}

/** Match each text; what the background answers a page's `match/texts` with. */
export function matchTexts(index: NameIndex, matcher: Automaton, texts: readonly string[]): MatchReply {
  const seen = new Set<number>();
  const found = texts.map((text) => {
    const flat: number[] = [];
    for (const m of matcher.find(text)) {
      const alternatives = m.alternatives ?? [];
      flat.push(m.start, m.end, m.entity, alternatives.length, ...alternatives);
      seen.add(m.entity);
      for (const a of alternatives) seen.add(a);
    }
    return flat;
  });
  const entities = [...seen].map((e): FoundEntity => [e, idAt(index, e), typeAt(index, e), index.parents[e] ?? -1]);
  return { found, entities };
}

/** One text's mentions back from their flat form (see MatchReply). */
export function decodeMentions(flat: readonly number[]): Mention[] {
  const out: Mention[] = [];
  for (let k = 0; k + 3 < flat.length; ) {
    const start = flat[k]!;
    const end = flat[k + 1]!;
    const entity = flat[k + 2]!;
    const count = flat[k + 3]!;
    k += 4;
    if (count > 0) {
      out.push({ start, end, entity, alternatives: flat.slice(k, k + count) });
      k += count;
    } else {
      out.push({ start, end, entity });
    }
  }
  return out;
}
