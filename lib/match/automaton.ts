import { BLOCKER_ENTITY, NAME_CASE_SENSITIVE, type NameEntry } from '../data/bundle';
import { foldUnit, isSpaceCode, isWordCode, parseVariantPairs } from './normalize';

/** Per-UTF-16-unit lookups for the hot loop, built once per page: Latin word characters and whitespace. */
const WORD = new Uint8Array(65536);
const SPACE = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) {
  if (isWordCode(c)) WORD[c] = 1;
  if (isSpaceCode(c)) SPACE[c] = 1;
}

/** Size of the transition filter: 2^20 bits (128 KiB), sparse enough that few missing transitions pass it. */
const FILTER_BITS = 1 << 20;
function filterBit(node: number, cls: number): number {
  return (Math.imul(node ^ (cls << 20), 0x27d4eb2d) >>> 12) & (FILTER_BITS - 1);
}

/** Slot of the transition (node, class) in the open-addressing table. */
function hashSlot(node: number, cls: number, mask: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(cls, 0x85ebca6b)) & mask;
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

/** Above this many children a node's transitions are found by binary search instead of a scan. */
const LINEAR_SCAN_MAX = 8;
/** Longest run of whitespace skipped inside a Latin name ("deep  seek"); longer gaps end the name. */
const MAX_INNER_SPACE = 3;
/** Names are cut at this many UTF-16 units: no real name is longer, and it bounds the build's path stack. */
const MAX_KEY_LENGTH = 255;

/**
 * A trie over character classes with flat typed arrays, matched leftmost-longest in one pass.
 *
 * - A dense 64K table maps every UTF-16 unit to its class, folding case, full width and Traditional variants on the
 *   fly: normalisation costs nothing and offsets stay those of the original text.
 * - Nodes are numbered breadth-first, so each node's children are one contiguous, label-sorted run.
 * - Entries arrive sorted by key, so the trie is laid out in a single pass without maps: the start-up cost is
 *   linear in the total length of the names.
 */
export class Automaton {
  private constructor(
    private readonly classOf: Uint16Array,
    private readonly rootChild: Int32Array,
    /** Open-addressing table of transitions: slot → (parent node, class) and the child node. */
    private readonly slotParent: Int32Array,
    private readonly slotClass: Uint16Array,
    private readonly slotChild: Int32Array,
    /** One bit per (node, class) hash: most walks end on a missing transition, and one bit read settles it. */
    private readonly transitionBits: Uint32Array,
    private readonly label: Uint16Array,
    private readonly termFirst: Int32Array,
    private readonly termCount: Uint16Array,
    private readonly entity: Int32Array,
    private readonly flags: Uint8Array,
    private readonly exact: string[],
  ) {}

  static build(entries: readonly NameEntry[], variantPairs = ''): Automaton {
    // 1. Classes: rank of each distinct key character, so class order = code-unit order = entry order.
    const present = new Uint8Array(65536);
    let total = 0;
    for (const [key] of entries) {
      total += key.length;
      for (let i = 0; i < key.length; i++) present[key.charCodeAt(i)] = 1;
    }
    const classOf = new Uint16Array(65536);
    let classes = 0;
    for (let code = 0; code < 65536; code++) if (present[code]) classOf[code] = ++classes;
    for (let code = 0; code < 65536; code++) {
      if (classOf[code]) continue;
      const folded = foldUnit(code);
      if (folded !== code && present[folded]) classOf[code] = classOf[folded]!;
    }
    for (const [variant, canonical] of parseVariantPairs(variantPairs)) {
      if (!present[variant] && present[canonical]) classOf[variant] = classOf[canonical]!;
    }

    // 2. Depth-first trie from the sorted keys: children are appended in label order.
    const firstChild = new Int32Array(total + 1);
    const lastChild = new Int32Array(total + 1);
    const nextSibling = new Int32Array(total + 1);
    const labelOf = new Uint16Array(total + 1);
    const termFirstDfs = new Int32Array(total + 1).fill(-1);
    const termCountDfs = new Uint16Array(total + 1);
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
        labelOf[child] = classOf[key.charCodeAt(d)]!;
        if (lastChild[node]) nextSibling[lastChild[node]!] = child;
        else firstChild[node] = child;
        lastChild[node] = child;
        path[d + 1] = child;
        node = child;
      }
      if (termFirstDfs[node] === -1) termFirstDfs[node] = index;
      termCountDfs[node]!++;
      previous = key.slice(0, length);
    });

    // 3. Breadth-first renumbering, so that each node's children are one contiguous, label-sorted run.
    const label = new Uint16Array(nodes);
    const childStart = new Int32Array(nodes + 1);
    const termFirst = new Int32Array(nodes);
    const termCount = new Uint16Array(nodes);
    const order = new Int32Array(nodes);
    let tail = 1;
    for (let head = 0; head < nodes; head++) {
      const old = order[head]!;
      label[head] = labelOf[old]!;
      termFirst[head] = termFirstDfs[old]!;
      termCount[head] = termCountDfs[old]!;
      childStart[head] = tail;
      for (let c = firstChild[old]!; c; c = nextSibling[c]!) order[tail++] = c;
    }
    childStart[nodes] = tail;
    const rootChild = new Int32Array(classes + 1);
    for (let c = childStart[0]!; c < childStart[1]!; c++) rootChild[label[c]!] = c;

    const entity = new Int32Array(entries.length);
    const flags = new Uint8Array(entries.length);
    const exact: string[] = new Array(entries.length);
    entries.forEach(([, e, f, x], i) => {
      entity[i] = e;
      flags[i] = f;
      exact[i] = x;
    });
    // Every transition in one hash table: a single probe in the common case, and no per-node scan.
    let size = 1;
    while (size < nodes * 2) size <<= 1;
    const slotParent = new Int32Array(size).fill(-1);
    const slotClass = new Uint16Array(size);
    const slotChild = new Int32Array(size);
    const mask = size - 1;
    const transitionBits = new Uint32Array(FILTER_BITS >>> 5);
    for (let p = 0; p < nodes; p++) {
      for (let c = childStart[p]!; c < childStart[p + 1]!; c++) {
        let h = hashSlot(p, label[c]!, mask);
        while (slotParent[h] !== -1) h = (h + 1) & mask;
        slotParent[h] = p;
        slotClass[h] = label[c]!;
        slotChild[h] = c;
        const bit = filterBit(p, label[c]!);
        transitionBits[bit >>> 5]! |= 1 << (bit & 31);
      }
    }
    return new Automaton(classOf, rootChild, slotParent, slotClass, slotChild, transitionBits, label, termFirst, termCount, entity, flags, exact);
  }

  /** All mentions in `text`, leftmost-longest, non-overlapping. Blockers consume their span and report nothing. */
  find(text: string): Mention[] {
    const out: Mention[] = [];
    const n = text.length;
    const classOf = this.classOf;
    const rootChild = this.rootChild;
    const termCount = this.termCount;
    const slotParent = this.slotParent;
    const slotClass = this.slotClass;
    const slotChild = this.slotChild;
    const mask = slotParent.length - 1;
    const transitionBits = this.transitionBits;
    let i = 0;
    while (i < n) {
      const code = text.charCodeAt(i);
      let node = rootChild[classOf[code]!]!;
      if (node === 0 || (WORD[code] === 1 && i > 0 && WORD[text.charCodeAt(i - 1)] === 1)) {
        i++;
        continue;
      }
      let bestEnd = -1;
      let bestNode = -1;
      let j = i + 1;
      let last = code;
      for (;;) {
        if (termCount[node]! > 0 && !(WORD[last] === 1 && j < n && WORD[text.charCodeAt(j)] === 1)) {
          if (this.acceptsAt(node, text, i, j)) {
            bestEnd = j;
            bestNode = node;
          }
        }
        if (j >= n) break;
        let c = text.charCodeAt(j);
        if (SPACE[c] === 1 && WORD[last] === 1) {
          let k = j + 1;
          while (k < n && k - j < MAX_INNER_SPACE && SPACE[text.charCodeAt(k)] === 1) k++;
          if (k < n && WORD[text.charCodeAt(k)] === 1) {
            j = k;
            c = text.charCodeAt(j);
          }
        }
        const cls = classOf[c]!;
        if (cls === 0) break;
        const bit = filterBit(node, cls);
        if ((transitionBits[bit >>> 5]! & (1 << (bit & 31))) === 0) break;
        let h = hashSlot(node, cls, mask);
        let next = -1;
        for (let p = slotParent[h]!; p !== -1; p = slotParent[(h = (h + 1) & mask)]!) {
          if (p === node && slotClass[h] === cls) {
            next = slotChild[h]!;
            break;
          }
        }
        if (next < 0) break;
        node = next;
        last = c;
        j++;
      }
      if (bestEnd < 0) {
        i++;
        continue;
      }
      this.emit(bestNode, text, i, bestEnd, out);
      i = bestEnd;
    }
    return out;
  }

  /** Does any entry ending at this node accept the surface text[start, end)? */
  private acceptsAt(node: number, text: string, start: number, end: number): boolean {
    const first = this.termFirst[node]!;
    const count = this.termCount[node]!;
    for (let t = first; t < first + count; t++) {
      if (!(this.flags[t]! & NAME_CASE_SENSITIVE) || this.exact[t] === text.slice(start, end)) return true;
    }
    return false;
  }

  private emit(node: number, text: string, start: number, end: number, out: Mention[]): void {
    const first = this.termFirst[node]!;
    const count = this.termCount[node]!;
    let entity = -2;
    let alternatives: number[] | undefined;
    for (let t = first; t < first + count; t++) {
      if (this.flags[t]! & NAME_CASE_SENSITIVE && this.exact[t] !== text.slice(start, end)) continue;
      const e = this.entity[t]!;
      if (e === BLOCKER_ENTITY) return;
      if (entity === -2) entity = e;
      else if (e !== entity && !alternatives?.includes(e)) (alternatives ??= []).push(e);
    }
    if (entity === -2) return;
    out.push(alternatives ? { start, end, entity, alternatives } : { start, end, entity });
  }
}
