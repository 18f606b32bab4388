/**
 * Folding that keeps one output code unit per input code unit, so offsets found in folded text are offsets in the
 * page's text: ASCII case, full-width ASCII (Ａ１), and (through a variant map) Traditional → Simplified characters.
 */
const FULLWIDTH_FIRST = 0xff01;
const FULLWIDTH_LAST = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;

export function foldUnit(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  if (code >= FULLWIDTH_FIRST && code <= FULLWIDTH_LAST) {
    const ascii = code - FULLWIDTH_OFFSET;
    return ascii >= 0x41 && ascii <= 0x5a ? ascii + 0x20 : ascii;
  }
  if (code === 0x3000 || code === 0xa0) return 0x20;
  return code;
}

/** Every code unit that foldUnit changes (so a table of folds need not test all 65,536). */
export const FOLDED_UNITS: readonly number[] = [
  ...Array.from({ length: 26 }, (_, k) => 0x41 + k),
  ...Array.from({ length: FULLWIDTH_LAST - FULLWIDTH_FIRST + 1 }, (_, k) => FULLWIDTH_FIRST + k),
  0x3000,
  0xa0,
];

export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldUnit(text.charCodeAt(i)));
  return out;
}

/** Latin letters and digits, in any case or width: the characters a Latin name must not touch on either side. */
export function isWordCode(code: number): boolean {
  const c = foldUnit(code);
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

/** Whitespace that may sit inside a Latin name as written ("deep seek" for DeepSeek). */
export function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x3000;
}

/** Variant characters (Traditional) → the canonical (Simplified) character the names are indexed under. */
export type VariantMap = ReadonlyMap<number, number>;

/** Parse the name index's fold string: pairs of (variant, canonical) characters. */
export function parseVariantPairs(pairs: string): Map<number, number> {
  const map = new Map<number, number>();
  for (let i = 0; i + 1 < pairs.length; i += 2) map.set(pairs.charCodeAt(i), pairs.charCodeAt(i + 1));
  return map;
}

/**
 * The key a name is indexed under: folded, variants mapped to canonical characters, and whitespace between two
 * Latin word characters removed (the matcher skips such whitespace in text).
 */
export function nameKey(name: string, variants: VariantMap = new Map()): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (isSpaceCode(code) && i > 0 && isWordCode(name.charCodeAt(i - 1))) {
      let k = i;
      while (k < name.length && isSpaceCode(name.charCodeAt(k))) k++;
      if (k < name.length && isWordCode(name.charCodeAt(k))) {
        i = k - 1;
        continue;
      }
    }
    const folded = foldUnit(code);
    out += String.fromCharCode(variants.get(folded) ?? folded);
  }
  return out;
}
