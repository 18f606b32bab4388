import search from 'approx-string-match';

/**
 * Anchoring after the W3C Web Annotation model: a clipping is described by its quote with some context
 * (TextQuoteSelector) and its offsets (TextPositionSelector) in the page's text, and found again by weighing
 * the quote above its context and the context above the position — the weighting Hypothesis uses.
 */

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Context kept on either side of the quote: enough to tell repeated passages apart. */
export const CONTEXT_CHARS = 32;
/** Scoring weights: the quote matters most, then its context, the old position least. */
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
/** A changed quote is accepted with up to this share of its characters edited. */
const MAX_ERROR_RATE = 0.5;
/** Below this share of the best possible score a candidate is "not found" rather than a wrong place. */
const MIN_SCORE_RATE = 0.5;

export function describeRange(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

export interface Anchor {
  start: number;
  end: number;
  /** True when the quote was found unchanged. */
  exact: boolean;
}

/** How much of `a` and `b` agree, aligned at their ends (prefix) or starts (suffix), 0..1. */
function agreement(a: string, b: string, alignEnd: boolean): number {
  if (!a.length) return 1;
  const n = Math.min(a.length, b.length);
  let same = 0;
  for (let i = 0; i < n; i++) {
    const x = alignEnd ? a[a.length - 1 - i] : a[i];
    const y = alignEnd ? b[b.length - 1 - i] : b[i];
    if (x === y) same++;
  }
  return same / a.length;
}

export function anchorQuote(text: string, quote: TextQuoteSelector, position?: TextPositionSelector): Anchor | null {
  if (!quote.exact) return null;
  const score = (start: number, end: number, errors: number) => {
    const quoteScore = 1 - errors / quote.exact.length;
    const prefix = agreement(quote.prefix, text.slice(Math.max(0, start - quote.prefix.length), start), true);
    const suffix = agreement(quote.suffix, text.slice(end, end + quote.suffix.length), false);
    const pos = position ? 1 - Math.min(1, Math.abs(start - position.start) / Math.max(1, text.length)) : 0.5;
    return QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * pos;
  };
  const best = (candidates: { start: number; end: number; errors: number }[]) => {
    let top: { start: number; end: number; errors: number; s: number } | undefined;
    for (const c of candidates) {
      const s = score(c.start, c.end, c.errors);
      if (!top || s > top.s) top = { ...c, s };
    }
    return top;
  };

  // Unchanged quote: exact occurrences, told apart by context and position.
  const exactHits: { start: number; end: number; errors: number }[] = [];
  for (let i = text.indexOf(quote.exact); i >= 0; i = text.indexOf(quote.exact, i + 1)) {
    exactHits.push({ start: i, end: i + quote.exact.length, errors: 0 });
  }
  const exactBest = best(exactHits);
  if (exactBest) return { start: exactBest.start, end: exactBest.end, exact: true };

  // Changed quote: approximate matches within the error budget.
  const maxErrors = Math.min(256, Math.floor(quote.exact.length * MAX_ERROR_RATE));
  if (maxErrors === 0) return null;
  const fuzzy = best(search(text, quote.exact, maxErrors));
  const max = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;
  if (!fuzzy || fuzzy.s < max * MIN_SCORE_RATE) return null;
  return { start: fuzzy.start, end: fuzzy.end, exact: false };
}
