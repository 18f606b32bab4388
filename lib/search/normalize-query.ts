import { foldText } from '../match/normalize';

/**
 * One form for search keys and typed queries: folded width and case, tone marks and tone numbers dropped, and no
 * spaces or apostrophes — so "Yuè zhī àn miàn", "yue4 zhi1", "YueZhiAnMian" and "yuezhianmian" are the same.
 */
export function searchForm(text: string): string {
  return foldText(text.normalize('NFKC'))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ü/g, 'v')
    .replace(/(?<=[a-z])[1-5]/g, '')
    .replace(/[\s'’·\-_.]/g, '')
    .toLowerCase();
}

/** Pinyin syllables → full toneless key and initials key ("yue zhi an mian" → ["yuezhianmian", "yzam"]). */
export function pinyinKeys(syllables: string): string[] {
  const parts = searchForm(syllables.replace(/\s+/g, ' ')).length ? syllables.split(/\s+/).filter(Boolean) : [];
  if (!parts.length) return [];
  const plain = parts.map((p) => searchForm(p));
  return [plain.join(''), plain.map((p) => p[0] ?? '').join('')];
}
