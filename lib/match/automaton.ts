import { BLOCKER_ENTITY, type NameEntry } from '../data/bundle';
import { FOLDED_UNITS, foldUnit, isSpaceCode, isWordCode, parseVariantPairs } from './normalize';
import { COUNT_BASE, packTrie, type PackedTrie } from './packed-trie';

/**
 * The matcher reads one 16-bit word per UTF-16 unit: the unit's class (its rank in the names' alphabet, 0 if no name
 * uses it) in the low bits, and whether it is a Latin word character or whitespace in the top two. One read per
 * unit, where separate class, word and space tables cost three.
 */
const CLASS_BITS = 0x1fff;
const WORD_BIT = 0x8000;
const SPACE_BIT = 0x4000;
/** Some name starts with the unit's class: every other unit is passed over without a look at the trie. */
const START_BIT = 0x2000;
/** Classes must fit below the flag bits: far more distinct characters than any name list uses (100,000 names: 1,628). */
const MAX_CLASSES = CLASS_BITS;

function flagsOf(code: number): number {
  return (isWordCode(code) ? WORD_BIT : 0) | (isSpaceCode(code) ? SPACE_BIT : 0);
}

/** One name found in a text: [start, end) are UTF-16 offsets into the original text. */
export interface Mention {
  start: number;
  end: number;
  /** Entity index (into the name index's ids). */
  entity: number;
  /** Other entities written with the same name (ambiguous mentions). */
  alternatives?: number[];
}

/**
 * Bits per start pair in the pair filter: at 16 bits per member about 6% of absent pairs pass, so most positions
 * of running text are settled by one bit read in a table that stays in cache.
 */
const FILTER_BITS_PER_PAIR = 16;
/** Filter size bounds (bits): 8 KiB at least, 2 MiB at most (past that the bit reads miss the cache anyway). */
const FILTER_MIN_BITS = 1 << 16;
const FILTER_MAX_BITS = 1 << 24;
/** Child runs up to this long are scanned; longer ones (near the root of a big trie) are binary-searched. */
const LINEAR_SCAN_MAX = 8;
/** Longest run of whitespace skipped inside a Latin name ("deep  seek"); longer gaps end the name. */
const MAX_INNER_SPACE = 3;

/**
 * What a step needs on entering a node is one 32-bit word of a compact array: where its edge starts in the labels
 * string, how it ends keys, and the edge's length. The children's starts (read only to go deeper) and the edges'
 * first classes (read only to search a run) are arrays of their own, so the words read most stay few and close.
 */
const EDGE_LENGTH_MASK = 0xff;
/** Some key ending here matches whatever the case. */
const ENDS_ANY_CASE = 1 << 8;
/** Keys ending here match only with the exact case. */
const ENDS_IF_CASE = 1 << 9;
const ENDS = ENDS_ANY_CASE | ENDS_IF_CASE;
/** The node has no children: a walk that reaches its end stops there, without reading the children's starts. */
const LEAF = 1 << 10;
const EDGE_START_SHIFT = 11;
/** Edge starts must fit the 21 bits above the flags: 2 million units of edges, far beyond any name list. */
const MAX_LABEL_UNITS = 1 << (32 - EDGE_START_SHIFT);

/**
 * The child in the class-sorted run of nodes [lo, hi) whose class is `cls`, or 0: short runs (most of the trie) are
 * scanned, long ones (the first level of a big trie) binary-searched. (An interpolated guess was no faster.)
 */
function childWithClass(classes: Uint16Array, lo: number, hi: number, cls: number): number {
  if (hi - lo > LINEAR_SCAN_MAX) {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const l = classes[mid]!;
      if (l < cls) lo = mid + 1;
      else if (l > cls) hi = mid;
      else return mid;
    }
    return 0;
  }
  for (; lo < hi; lo++) {
    const l = classes[lo]!;
    if (l >= cls) return l === cls ? lo : 0;
  }
  return 0;
}

/** The node an entry ends at: termFirst is ascending, so a binary search finds it. */
function nodeOfEntry(termFirst: Int32Array, nodes: number, entry: number): number {
  let lo = 0;
  let hi = nodes - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (termFirst[mid]! <= entry) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Multiplier of the start-pair hash (Fibonacci hashing: the golden ratio in 32 bits). */
const PAIR_HASH = 0x9e3779b1;

/** Bit of a start pair (first class << 16 | second class) in a filter of 2^(32 - shift) bits. */
function pairBit(pair: number, shift: number): number {
  return Math.imul(pair, PAIR_HASH) >>> shift;
}

/**
 * Leftmost-longest matching of every name in one pass, over a breadth-first trie in flat typed arrays.
 *
 * - A dense 64K table maps every UTF-16 unit to its class, folding case, full width and Traditional variants on the
 *   fly: normalisation costs nothing and offsets stay those of the original text.
 * - Most positions of running text begin no name. A Bloom filter of the first two classes of every key settles
 *   that with one bit read.
 * - It is a radix trie: a run that no name branches off or ends inside is one node's edge, compared unit by unit
 *   in the labels string.
 * - Each node's children are one contiguous, class-sorted run, so a step reads a few adjacent words, and the walk
 *   allocates nothing. (A hash table of transitions was slower: its probes miss the cache that these runs hit.)
 * - The Bloom filter is filled by the first search, not at load, so that a start-up does the least it can.
 * - The trie arrives pre-laid-out (PackedTrie): loading it is linear and involves no key comparison.
 */
export class Automaton {
  private pairsFilled = false;

  private constructor(
    /** Per UTF-16 unit: class | WORD_BIT | SPACE_BIT. */
    private readonly unit: Uint16Array,
    /** Per node: edge start << EDGE_START_SHIFT | LEAF | ENDS_* flags | edge length. */
    private readonly edges: Int32Array,
    /** Per node: where its children's run starts (it ends where the next node's starts). */
    private readonly kids: Int32Array,
    /** The edges' units, each COUNT_BASE + class (PackedTrie.labels). */
    private readonly labels: string,
    /** Class of each node's edge's first unit, packed apart so a search of a long run reads few cache lines. */
    private readonly firstClass: Uint16Array,
    private readonly rootChild: Int32Array,
    private readonly pairBits: Uint32Array,
    private readonly pairShift: number,
    /** Whether some key is one unit long: only then can a name end after its first character. */
    private readonly hasSingleKeys: boolean,
    private readonly termFirst: Int32Array,
    private readonly entity: Int32Array,
    /** Exact surface of each case-sensitive entry (by entry index). */
    private readonly exact: ReadonlyMap<number, string>,
  ) {}

  /** Build from name entries (tools and tests; the extension loads the trie packed at build time). */
  static build(entries: readonly NameEntry[], variantPairs = ''): Automaton {
    return Automaton.load(packTrie(entries), variantPairs);
  }

  static load(trie: PackedTrie, variantPairs = ''): Automaton {
    const { labels, lengths, degrees, ends } = trie;
    const nodes = degrees.length;

    // Classes: 1 + rank in the alphabet, so class order = code-unit order = the order of every child run.
    const { alphabet } = trie;
    const classes = alphabet.length;
    if (classes > MAX_CLASSES) throw new RangeError(`The names use ${classes} distinct characters; at most ${MAX_CLASSES} fit.`);
    // The classes names start with: the first units of the first-level nodes' edges (numbered from 1, laid out in
    // order, so their edges are the first in the labels).
    const starts = new Uint8Array(classes + 1);
    for (let node = 1, edge = 0, last = degrees.charCodeAt(0) - COUNT_BASE; node <= last; node++) {
      starts[labels.charCodeAt(edge) - COUNT_BASE] = 1;
      edge += lengths.charCodeAt(node) - COUNT_BASE;
    }
    const unit = new Uint16Array(65536);
    for (let k = 0; k < classes; k++) unit[alphabet.charCodeAt(k)] = (k + 1) | (starts[k + 1] ? START_BIT : 0);
    for (const code of FOLDED_UNITS) {
      const folded = unit[foldUnit(code)]!;
      if (!unit[code] && folded) unit[code] = folded;
    }
    for (const [variant, canonical] of parseVariantPairs(variantPairs)) {
      if (!unit[variant] && unit[canonical]) unit[variant] = unit[canonical]!;
    }
    // Only ASCII and the units that fold can be word characters or whitespace: testing all 65,536 would cost
    // several milliseconds of every start.
    for (let code = 0; code < 128; code++) unit[code]! |= flagsOf(code);
    for (const code of FOLDED_UNITS) unit[code]! |= flagsOf(code);

    const cased = trie.cased;
    const termFirst = new Int32Array(nodes + 1);
    if (labels.length >= MAX_LABEL_UNITS) throw new RangeError(`The names' edges hold ${labels.length} units; at most ${MAX_LABEL_UNITS - 1} fit.`);
    const edges = new Int32Array(nodes + 1);
    const kids = new Int32Array(nodes + 1);
    const firstClass = new Uint16Array(nodes + 1);
    // One light pass over every node (it runs before the code is optimised, so it does as little as it can).
    // Every key end is first marked any-case; the few case-sensitive entries are settled after.
    let child = 1 + degrees.charCodeAt(0) - COUNT_BASE;
    let entry = ends.charCodeAt(0) - COUNT_BASE;
    let edge = 0;
    kids[0] = 1;
    for (let node = 1; node < nodes; node++) {
      kids[node] = child;
      const degree = degrees.charCodeAt(node) - COUNT_BASE;
      child += degree;
      termFirst[node] = entry;
      const count = ends.charCodeAt(node) - COUNT_BASE;
      entry += count;
      const length = lengths.charCodeAt(node) - COUNT_BASE;
      firstClass[node] = labels.charCodeAt(edge) - COUNT_BASE;
      edges[node] = (edge << EDGE_START_SHIFT) | (degree === 0 ? LEAF : 0) | (count > 0 ? ENDS_ANY_CASE : 0) | length;
      edge += length;
    }
    kids[nodes] = child;
    edges[nodes] = edge << EDGE_START_SHIFT;
    termFirst[nodes] = entry;
    const exact = new Map(cased);
    for (const [t] of cased) {
      const node = nodeOfEntry(termFirst, nodes, t);
      let anyCase = false;
      for (let e = termFirst[node]!; e < termFirst[node + 1]!; e++) if (!exact.has(e)) anyCase = true;
      edges[node] = (edges[node]! & ~ENDS_ANY_CASE) | ENDS_IF_CASE | (anyCase ? ENDS_ANY_CASE : 0);
    }
    let hasSingleKeys = false;

    const rootChild = new Int32Array(classes + 1);
    const firstLevel = kids[0]!;
    const secondLevel = kids[1]!;
    for (let c = firstLevel; c < secondLevel; c++) {
      rootChild[firstClass[c]!] = c;
      if ((edges[c]! & ENDS) !== 0 && (edges[c]! & EDGE_LENGTH_MASK) === 1) hasSingleKeys = true;
    }

    // The start-pair filter is sized now and filled by the first search (fillStartPairs), so that loading does no
    // per-pair work: whoever loads needs it only when text comes.
    const pairCount = kids[secondLevel]! - firstLevel;
    let pairBitCount = FILTER_MIN_BITS;
    while (pairBitCount < pairCount * FILTER_BITS_PER_PAIR && pairBitCount < FILTER_MAX_BITS) pairBitCount <<= 1;
    const pairShift = 32 - Math.log2(pairBitCount);
    const pairBits = new Uint32Array(pairBitCount >>> 5);
    return new Automaton(
      unit,
      edges,
      kids,
      labels,
      firstClass,
      rootChild,
      pairBits,
      pairShift,
      hasSingleKeys,
      termFirst,
      Int32Array.from(trie.entities),
      exact,
    );
  }

  /** All mentions in `text`, leftmost-longest, non-overlapping. Blockers consume their span and report nothing. */
  find(text: string): Mention[] {
    if (!this.pairsFilled) this.fillStartPairs();
    const out: Mention[] = [];
    const n = text.length;
    const unit = this.unit;
    const edges = this.edges;
    const kids = this.kids;
    const labels = this.labels;
    const firstClass = this.firstClass;
    const pairBits = this.pairBits;
    const pairShift = this.pairShift;
    const hasSingleKeys = this.hasSingleKeys;
    const rootChild = this.rootChild;
    // The table words of the unit at i and of the one before it roll forward, so each position reads one new unit
    // and one table word.
    let i = 0;
    let before = 0;
    let here = n > 0 ? unit[text.charCodeAt(0)]! : 0;
    while (i < n) {
      const next = i + 1 < n ? unit[text.charCodeAt(i + 1)]! : 0;
      if ((here & START_BIT) === 0 || (here & before & WORD_BIT) !== 0) {
        i++;
        before = here;
        here = next;
        continue;
      }
      const first = here & CLASS_BITS;
      let node = rootChild[first]!;
      // Unless a name may end after one unit or a Latin name go on after a space, the first two units must be a
      // start pair.
      if (!hasSingleKeys && ((here & WORD_BIT) === 0 || (next & SPACE_BIT) === 0)) {
        const bit = pairBit((first << 16) | (next & CLASS_BITS), pairShift);
        if ((pairBits[bit >>> 5]! & (1 << (bit & 31))) === 0) node = 0;
      }
      if (node === 0) {
        i++;
        before = here;
        here = next;
        continue;
      }

      // Walk from the first node: `edge` is the next unit of its edge to match, `edgeEnd` where the edge ends (then
      // the node itself is reached, and its children are next).
      let j = i + 1;
      let last = here;
      let word = edges[node]!;
      let edge = (word >>> EDGE_START_SHIFT) + 1;
      let edgeEnd = edge - 1 + (word & EDGE_LENGTH_MASK);
      let bestEnd = -1;
      let bestNode = -1;
      for (;;) {
        let u = j < n ? unit[text.charCodeAt(j)]! : 0;
        if (edge === edgeEnd) {
          if ((word & ENDS) !== 0 && (last & u & WORD_BIT) === 0) {
            if (word & ENDS_ANY_CASE || this.caseMatchesAt(node, text, i, j)) {
              bestEnd = j;
              bestNode = node;
            }
          }
          if ((word & LEAF) !== 0) break;
        }
        if (j >= n) break;
        if ((u & SPACE_BIT) !== 0 && (last & WORD_BIT) !== 0) {
          let k = j + 1;
          while (k < n && k - j < MAX_INNER_SPACE && (unit[text.charCodeAt(k)]! & SPACE_BIT) !== 0) k++;
          if (k < n && (unit[text.charCodeAt(k)]! & WORD_BIT) !== 0) {
            j = k;
            u = unit[text.charCodeAt(j)]!;
          }
        }
        const cls = u & CLASS_BITS;
        if (cls === 0) break;
        if (edge < edgeEnd) {
          if (labels.charCodeAt(edge) - COUNT_BASE !== cls) break;
          edge++;
        } else {
          const child = childWithClass(firstClass, kids[node]!, kids[node + 1]!, cls);
          if (child === 0) break;
          node = child;
          word = edges[child]!;
          edge = (word >>> EDGE_START_SHIFT) + 1;
          edgeEnd = edge - 1 + (word & EDGE_LENGTH_MASK);
        }
        last = u;
        j++;
      }
      if (bestEnd < 0) {
        i++;
        before = here;
        here = next;
        continue;
      }
      this.emit(bestNode, text, i, bestEnd, out);
      i = bestEnd;
      before = unit[text.charCodeAt(i - 1)]!;
      here = i < n ? unit[text.charCodeAt(i)]! : 0;
    }
    return out;
  }

  /**
   * Put the start pairs of every key in the filter: for each first-level node, the second unit of its edge, or
   * else the first units of its children's edges.
   */
  private fillStartPairs(): void {
    const { edges, kids, firstClass, labels, pairBits, pairShift } = this;
    for (let p = kids[0]!; p < kids[1]!; p++) {
      const first = firstClass[p]! << 16;
      const word = edges[p]!;
      if ((word & EDGE_LENGTH_MASK) > 1) {
        const bit = pairBit(first | (labels.charCodeAt((word >>> EDGE_START_SHIFT) + 1) - COUNT_BASE), pairShift);
        pairBits[bit >>> 5]! |= 1 << (bit & 31);
        continue;
      }
      // The hash written out, not called: this loop runs once, before the code is optimised, where calls cost.
      const end = kids[p + 1]!;
      for (let c = kids[p]!; c < end; c++) {
        const bit = Math.imul(first | firstClass[c]!, PAIR_HASH) >>> pairShift;
        pairBits[bit >>> 5]! |= 1 << (bit & 31);
      }
    }
    this.pairsFilled = true;
  }

  /** Does a case-sensitive entry ending at this node match the surface text[start, end) exactly? */
  private caseMatchesAt(node: number, text: string, start: number, end: number): boolean {
    const surface = text.slice(start, end);
    for (let t = this.termFirst[node]!; t < this.termFirst[node + 1]!; t++) if (this.exact.get(t) === surface) return true;
    return false;
  }

  private emit(node: number, text: string, start: number, end: number, out: Mention[]): void {
    let entity = -2;
    let alternatives: number[] | undefined;
    const anyCased = (this.edges[node]! & ENDS_IF_CASE) !== 0;
    for (let t = this.termFirst[node]!; t < this.termFirst[node + 1]!; t++) {
      const exact = anyCased ? this.exact.get(t) : undefined;
      if (exact !== undefined && exact !== text.slice(start, end)) continue;
      const e = this.entity[t]!;
      if (e === BLOCKER_ENTITY) return;
      if (entity === -2) entity = e;
      else if (e !== entity && !alternatives?.includes(e)) (alternatives ??= []).push(e);
    }
    if (entity === -2) return;
    out.push(alternatives ? { start, end, entity, alternatives } : { start, end, entity });
  }
}
