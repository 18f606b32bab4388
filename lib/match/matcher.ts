import { NAME_CASE_SENSITIVE, type NameIndex } from '../data/bundle';
import { foldText, foldUnit, isWordUnit } from './normalize';

/** One name found in a text: [start, end) are UTF-16 offsets into the original text. */
export interface Mention {
  start: number;
  end: number;
  /** Index into NameIndex.ids. */
  entity: number;
  /** Other entities that share this surface name (ambiguous mentions). */
  alternatives?: number[];
}

interface Terminal {
  entity: number;
  /** The alias as written, for case-sensitive comparison. */
  exact?: string;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  terminals?: Terminal[];
}

/**
 * A simple leftmost-longest trie matcher over folded text. Correct and small; the matcher issue replaces it
 * with an automaton. Latin names only match on word boundaries.
 */
export class NameMatcher {
  private readonly root: TrieNode = { next: new Map() };

  constructor(index: NameIndex) {
    for (const [text, entity, flags] of index.names) {
      const folded = foldText(text);
      let node = this.root;
      for (let i = 0; i < folded.length; i++) {
        const code = folded.charCodeAt(i);
        let child = node.next.get(code);
        if (!child) {
          child = { next: new Map() };
          node.next.set(code, child);
        }
        node = child;
      }
      const terminal: Terminal = flags & NAME_CASE_SENSITIVE ? { entity, exact: text } : { entity };
      (node.terminals ??= []).push(terminal);
    }
  }

  find(text: string): Mention[] {
    const mentions: Mention[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      const found = this.longestAt(text, i);
      if (found) {
        mentions.push(found);
        i = found.end;
      } else {
        i++;
      }
    }
    return mentions;
  }

  private longestAt(text: string, start: number): Mention | undefined {
    const startsLatin = isWordUnit(foldUnit(text.charCodeAt(start)));
    if (startsLatin && start > 0 && isWordUnit(foldUnit(text.charCodeAt(start - 1)))) return undefined;
    let node: TrieNode | undefined = this.root;
    let best: Mention | undefined;
    for (let j = start; j < text.length; j++) {
      node = node.next.get(foldUnit(text.charCodeAt(j)));
      if (!node) break;
      if (!node.terminals) continue;
      const end = j + 1;
      const endsLatin = isWordUnit(foldUnit(text.charCodeAt(j)));
      if (endsLatin && end < text.length && isWordUnit(foldUnit(text.charCodeAt(end)))) continue;
      const surface = text.slice(start, end);
      const entities = node.terminals.filter((t) => t.exact === undefined || t.exact === surface).map((t) => t.entity);
      const unique = [...new Set(entities)];
      if (unique.length === 0) continue;
      best = { start, end, entity: unique[0]! };
      if (unique.length > 1) best.alternatives = unique.slice(1);
    }
    return best;
  }
}
