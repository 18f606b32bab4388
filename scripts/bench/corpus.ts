/** Deterministic, generated benchmark material: a news-like mixed zh/en text and a padded dictionary. */
import type { NameEntry } from '../../lib/data/bundle';
import { nameKey } from '../../lib/match/normalize';

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Frequent characters of Chinese news prose (a fixed list, so runs are comparable). */
const COMMON =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车';
const LATIN_WORDS = ['the', 'company', 'said', 'model', 'chip', 'market', 'shares', 'growth', 'policy', 'city', 'investors', 'launch', 'robot', 'data', 'cloud', 'report', 'quarter', 'billion', 'yuan', 'according'];
const PUNCT = '，。、；：“”《》（）';

function randomName(rand: () => number, latin: boolean, alphabet: string): string {
  if (latin) {
    const parts = 1 + Math.floor(rand() * 2);
    return Array.from({ length: parts }, () => {
      const len = 4 + Math.floor(rand() * 6);
      let w = '';
      for (let i = 0; i < len; i++) w += String.fromCharCode(97 + Math.floor(rand() * 26));
      return w[0]!.toUpperCase() + w.slice(1);
    }).join(' ');
  }
  const len = 2 + Math.floor(rand() * 5);
  let s = '';
  for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)]!;
  return s;
}

/**
 * The real names padded with generated ones (one in ten Latin) to `size` distinct keys, sorted for the automaton.
 * Generated Chinese names are drawn from the characters real names use (苏, 州, 科, 技, 智, 能 ...), as place and
 * company names are; prose is drawn from the most common characters of running text.
 */
export function dictionary(realNames: string[], size: number, seed = 7): { names: string[]; entries: NameEntry[] } {
  const rand = prng(seed);
  const alphabet = [...new Set(realNames.join('').match(/\p{Script=Han}/gu) ?? [])].join('') || COMMON;
  const keys = new Set<string>();
  const names: string[] = [];
  const add = (n: string) => {
    const k = nameKey(n);
    if ([...k].length < 2 || keys.has(k)) return;
    keys.add(k);
    names.push(n);
  };
  for (const n of realNames) if (names.length < size) add(n);
  while (names.length < size) add(randomName(rand, rand() < 0.1, alphabet));
  const entries = names
    .map((n, i) => [nameKey(n), i, 0, ''] as NameEntry)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { names, entries };
}

/** About `units` UTF-16 units of prose: mostly Chinese, some English sentences, a name every ~40 characters. */
export function newsText(names: string[], units: number, seed = 11): string {
  const rand = prng(seed);
  const parts: string[] = [];
  let length = 0;
  while (length < units) {
    let sentence: string;
    if (rand() < 0.15) {
      const words = Array.from({ length: 8 + Math.floor(rand() * 10) }, () => LATIN_WORDS[Math.floor(rand() * LATIN_WORDS.length)]!);
      words.splice(Math.floor(rand() * words.length), 0, names[Math.floor(rand() * names.length)]!);
      sentence = `${words.join(' ')}. `;
    } else {
      sentence = '';
      const len = 20 + Math.floor(rand() * 40);
      while (sentence.length < len) {
        sentence += rand() < 0.06 ? names[Math.floor(rand() * names.length)]! : COMMON[Math.floor(rand() * COMMON.length)]!;
        if (rand() < 0.05) sentence += PUNCT[Math.floor(rand() * PUNCT.length)]!;
      }
      sentence += '。';
    }
    parts.push(sentence);
    length += sentence.length;
  }
  return parts.join('').slice(0, units);
}
