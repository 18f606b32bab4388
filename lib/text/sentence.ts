/** A sentence ends at Chinese or Latin end punctuation ("." only before a space), or at a line break. */
function endsSentence(text: string, i: number): boolean {
  const c = text[i];
  if (c === undefined) return false;
  return /[。！？!?；;\n]/.test(c) || (c === '.' && /\s/.test(text[i + 1] ?? ' '));
}

/** [start, end) of the sentence around offset `at`, its end punctuation included, leading space trimmed. */
export function sentenceAround(text: string, at: number): [number, number] {
  let start = at;
  while (start > 0 && !endsSentence(text, start - 1)) start--;
  let end = at;
  while (end < text.length && !endsSentence(text, end)) end++;
  if (end < text.length && text[end] !== '\n') end++;
  while (start < end && /\s/.test(text[start]!)) start++;
  return [start, end];
}
