/**
 * Folding that keeps one output code unit per input code unit, so a match's offsets in the folded text are
 * its offsets in the page's text: ASCII case, full-width ASCII (Ａ１) and the ideographic space.
 */
const FULLWIDTH_FIRST = 0xff01;
const FULLWIDTH_LAST = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

export function foldUnit(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  if (code >= FULLWIDTH_FIRST && code <= FULLWIDTH_LAST) {
    const ascii = code - FULLWIDTH_OFFSET;
    return ascii >= 0x41 && ascii <= 0x5a ? ascii + 0x20 : ascii;
  }
  if (code === IDEOGRAPHIC_SPACE || code === 0xa0) return 0x20;
  return code;
}

export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldUnit(text.charCodeAt(i)));
  return out;
}

/** Latin letters and digits after folding: the characters a Latin name must not touch on either side. */
export function isWordUnit(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}
