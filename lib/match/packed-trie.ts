import * as z from 'zod/mini';
import { lazySchema } from '../schema/lazy-schema';

/** Flags on a name entry. */
export const NAME_CASE_SENSITIVE = 1;

/** [key (nameKey-normalised), entity index (or -1 for a blocker), flags, exact surface if case-sensitive (else '')]. */
export type NameEntry = [key: string, entity: number, flags: number, exact: string];

/**
 * The name trie laid out at extension build time, breadth-first, in strings that JSON.parse reads in one sweep.
 * Loading it is a few linear passes over typed arrays: no key comparisons, no sorting, no per-name objects, so
 * the matcher's cold start stays small even at 100,000 names.
 *
 * It is a radix trie: a run of characters that no name branches off or ends inside (工业园区 after 苏州) is one
 * edge of one node, not a chain of nodes. That leaves about a quarter of the nodes to lay out at every start, and
 * the matcher reads such a run as consecutive characters of one string.
 *
 * Node 0 is the root; nodes 1..n-1 are numbered breadth-first, so each node's children are one contiguous run,
 * sorted by their edges' first code unit.
 */
export const PackedTrie = lazySchema(() =>
  z.object({
    /** Every code unit the keys use, ascending: the matcher's character classes are 1 + the position here. */
    alphabet: z.string(),
    /** The edges into nodes 1..n-1, one after another, each unit as COUNT_BASE + class. */
    labels: z.string(),
    /** Length of the edge into node k (the root's is 0), as COUNT_BASE + length. */
    lengths: z.string(),
    /** Child count of node k, as the code unit COUNT_BASE + count (printable, so the JSON needs no escapes). */
    degrees: z.string(),
    /** Number of entries ending at node k, as COUNT_BASE + count. */
    ends: z.string(),
    /** Entity index of each entry, entries grouped by node in breadth-first order (-1: a blocker). */
    entities: z.array(z.int()),
    /** Case-sensitive entries: [entry index, exact surface the text must show]. */
    cased: z.array(z.tuple([z.int().check(z.nonnegative()), z.string()])),
  }),
);
export type PackedTrie = z.infer<typeof PackedTrie>;

/** Counts and classes are stored as code units from '0' up: no JSON escapes, and one or two UTF-8 bytes each. */
export const COUNT_BASE = 0x30;
/** Names are cut at this many UTF-16 units: no real name is longer, and it bounds the build's path stack. */
export const MAX_KEY_LENGTH = 255;

const compareKeys = (a: NameEntry, b: NameEntry) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** Lay out the trie of `entries` (any order; keys already normalised with nameKey) breadth-first. */
export function packTrie(input: readonly NameEntry[]): PackedTrie {
  const entries = [...input].sort(compareKeys);
  let total = 0;
  for (const [key] of entries) total += Math.min(key.length, MAX_KEY_LENGTH);

  // Depth-first trie from the sorted keys: children are appended in label order, so no search is needed.
  const firstChild = new Int32Array(total + 1);
  const lastChild = new Int32Array(total + 1);
  const nextSibling = new Int32Array(total + 1);
  const labelOf = new Uint16Array(total + 1);
  const endsAt: number[][] = [];
  const path = new Int32Array(MAX_KEY_LENGTH + 1);
  let nodes = 1;
  let previous = '';
  entries.forEach(([key], index) => {
    const length = Math.min(key.length, MAX_KEY_LENGTH);
    let lcp = 0;
    const limit = Math.min(length, previous.length);
    while (lcp < limit && key.charCodeAt(lcp) === previous.charCodeAt(lcp)) lcp++;
    let node = path[lcp]!;
    for (let d = lcp; d < length; d++) {
      const child = nodes++;
      labelOf[child] = key.charCodeAt(d);
      if (lastChild[node]) nextSibling[lastChild[node]!] = child;
      else firstChild[node] = child;
      lastChild[node] = child;
      path[d + 1] = child;
      node = child;
    }
    (endsAt[node] ??= []).push(index);
    previous = key.slice(0, length);
  });

  const present = new Uint8Array(65536);
  for (let node = 1; node < nodes; node++) present[labelOf[node]!] = 1;
  const classOf = new Uint16Array(65536);
  let alphabet = '';
  for (let code = 0; code < 65536; code++) {
    if (!present[code]) continue;
    alphabet += String.fromCharCode(code);
    classOf[code] = alphabet.length;
  }

  // Breadth-first numbering of the radix nodes. Each queued trie node begins an edge, which runs on through
  // nodes with one child and no entry; the radix node is where the edge stops.
  const queue = new Int32Array(nodes);
  const labels: string[] = [];
  const lengths: string[] = [];
  const degrees: string[] = [];
  const ends: string[] = [];
  const entities: number[] = [];
  const cased: Array<[number, string]> = [];
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    let node = queue[head]!;
    let length = 0;
    if (head > 0) {
      for (;;) {
        labels.push(String.fromCharCode(COUNT_BASE + classOf[labelOf[node]!]!));
        length++;
        const only = firstChild[node]!;
        if (!only || nextSibling[only] || endsAt[node]) break;
        node = only;
      }
    }
    lengths.push(String.fromCharCode(COUNT_BASE + length));
    let degree = 0;
    for (let c = firstChild[node]!; c; c = nextSibling[c]!) {
      queue[tail++] = c;
      degree++;
    }
    degrees.push(String.fromCharCode(COUNT_BASE + degree));
    const here = endsAt[node] ?? [];
    ends.push(String.fromCharCode(COUNT_BASE + here.length));
    for (const e of here) {
      const [, entity, flags, exact] = entries[e]!;
      if (flags & NAME_CASE_SENSITIVE) cased.push([entities.length, exact]);
      entities.push(entity);
    }
  }
  return {
    alphabet,
    labels: labels.join(''),
    lengths: lengths.join(''),
    degrees: degrees.join(''),
    ends: ends.join(''),
    entities,
    cased,
  };
}

/** The entries a packed trie holds, sorted by key (for tools and tests that want names back). */
export function unpackEntries(trie: PackedTrie): NameEntry[] {
  const nodes = trie.degrees.length;
  const parent = new Int32Array(nodes);
  let child = 1;
  for (let node = 0; node < nodes; node++) {
    const degree = trie.degrees.charCodeAt(node) - COUNT_BASE;
    for (let k = 0; k < degree; k++) parent[child++] = node;
  }
  const exact = new Map(trie.cased);
  const keys: string[] = [''];
  const out: NameEntry[] = [];
  let entry = 0;
  let edge = 0;
  for (let node = 0; node < nodes; node++) {
    const length = trie.lengths.charCodeAt(node) - COUNT_BASE;
    let key = node > 0 ? keys[parent[node]!]! : '';
    for (let k = edge; k < edge + length; k++) key += trie.alphabet[trie.labels.charCodeAt(k) - COUNT_BASE - 1]!;
    keys[node] = key;
    edge += length;
    const count = trie.ends.charCodeAt(node) - COUNT_BASE;
    for (let k = 0; k < count; k++, entry++) {
      const surface = exact.get(entry);
      out.push([key, trie.entities[entry]!, surface === undefined ? 0 : NAME_CASE_SENSITIVE, surface ?? '']);
    }
  }
  return out.sort(compareKeys);
}
