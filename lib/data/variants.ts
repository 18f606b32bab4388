/**
 * Character variants for matching: every Traditional (and Taiwan / Hong Kong) spelling of a character that occurs in
 * a name, mapped to its Simplified form. Computed at build time with OpenCC, shipped as a short string of pairs, so
 * the content script needs no converter.
 */
export interface VariantConverters {
  /** Simplified → Traditional converters (e.g. OpenCC cn→t, cn→tw, cn→hk). */
  toTraditional: ((s: string) => string)[];
  /** Traditional → Simplified. */
  toSimplified: (s: string) => string;
}

const HAN = /\p{Script=Han}/u;

export function collectVariantPairs(
  simplifiedNames: string[],
  traditionalNames: string[],
  converters: VariantConverters,
): string {
  const canonical = new Set<string>();
  for (const name of simplifiedNames) for (const ch of name) if (HAN.test(ch)) canonical.add(ch);
  const pairs = new Map<string, string>();
  const align = (variantText: string, simplifiedText: string) => {
    if (variantText.length !== simplifiedText.length) return;
    for (let i = 0; i < variantText.length; i++) {
      const v = variantText[i]!;
      const s = simplifiedText[i]!;
      // A character that is itself written in some Simplified name must stay itself.
      if (v !== s && HAN.test(v) && !canonical.has(v) && !pairs.has(v)) pairs.set(v, s);
    }
  };
  for (const name of simplifiedNames) for (const toTrad of converters.toTraditional) align(toTrad(name), name);
  for (const name of traditionalNames) align(name, converters.toSimplified(name));
  return [...pairs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([v, s]) => v + s).join('');
}
