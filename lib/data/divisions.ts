import type { Alias, Entity, Fact } from './schema';
import { nameKey } from '../match/normalize';

/**
 * Place entities generated from the National Bureau of Statistics division list: every provincial,
 * prefecture- and county-level unit with its code, level, parent, names and pinyin. Pure: the build script
 * passes in the package data, the curated overrides and a pinyin function, so none of it ships.
 */

export interface RawDivision {
  code: string; // 6 digits
  name: string;
}

export interface DivisionInput {
  provinces: RawDivision[];
  prefectures: RawDivision[];
  counties: RawDivision[];
}

export interface DivisionOverrides {
  en: Record<string, string>;
  provinceShort: Record<string, string>;
  commonWords: string[];
  /** County-level short names safe to match on their own (all others are search-only). */
  countyShortAllow: string[];
}

/** Toneless and toned pinyin of a Chinese name, syllables separated by spaces. */
export type Pinyin = (name: string) => { toned: string; plain: string };

export const NBS_SOURCE = {
  url: 'http://www.stats.gov.cn/sj/tjbz/tjyqhdmhcxhfdm/2023/index.html',
  publisher: 'National Bureau of Statistics of China (国家统计局)',
  title: '2023年统计用区划代码和城乡划分代码',
  date: '2023-09-11',
} as const;
/** The list's reference date: divisions as they stood on this day. */
export const NBS_AS_OF = '2023-06-30';

export type DivisionLevel = 'province' | 'municipality' | 'autonomous region' | 'sar' | 'prefecture' | 'district' | 'county-level city' | 'county' | 'banner' | 'zone';

const PROVINCE_LEVEL_CITIES = new Set(['110000', '120000', '310000', '500000']);

export function levelOf(code: string, name: string): DivisionLevel {
  if (code.endsWith('0000')) {
    if (PROVINCE_LEVEL_CITIES.has(code)) return 'municipality';
    if (name.endsWith('自治区')) return 'autonomous region';
    if (name.endsWith('特别行政区')) return 'sar';
    return 'province';
  }
  if (code.endsWith('00')) return 'prefecture';
  if (/区$/.test(name) && !/(开发区|园区|新区|示范区|管理区|合作区|实验区|试验区)$/.test(name)) return 'district';
  if (/市$/.test(name)) return 'county-level city';
  if (/旗$/.test(name)) return 'banner';
  if (/县$/.test(name)) return 'county';
  return 'zone';
}

const LEVEL_TEXT: Record<DivisionLevel, { en: string; zh: string }> = {
  province: { en: 'province', zh: '省' },
  municipality: { en: 'municipality directly under the central government', zh: '直辖市' },
  'autonomous region': { en: 'autonomous region', zh: '自治区' },
  sar: { en: 'special administrative region', zh: '特别行政区' },
  prefecture: { en: 'prefecture-level division', zh: '地级行政区' },
  district: { en: 'district', zh: '市辖区' },
  'county-level city': { en: 'county-level city', zh: '县级市' },
  county: { en: 'county', zh: '县' },
  banner: { en: 'banner (county-level)', zh: '旗' },
  zone: { en: 'county-level management zone', zh: '县级功能区' },
};

/** China's 55 officially recognised minority nationalities, as they appear in autonomous units' names. */
const ETHNIC_GROUPS = '蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'
  .split(' ')
  .sort((a, b) => b.length - a.length);
/** 延边朝鲜族自治州 → 延边; 巴音郭楞蒙古自治州 → 巴音郭楞 (a Mongol unit may omit 族). */
const AUTONOMOUS_NAME = new RegExp(`^(\\p{Script=Han}{2,}?)(?:(?:${ETHNIC_GROUPS.join('|')})族?)+自治(?:州|县|旗)$`, 'u');

/** The name people write without the unit's suffix: 苏州市 → 苏州, 延边朝鲜族自治州 → 延边, 吴中区 → 吴中. */
export function shortName(name: string, level: DivisionLevel): string | undefined {
  let s = name;
  if (level === 'prefecture' || level === 'county' || level === 'banner') {
    const autonomous = AUTONOMOUS_NAME.exec(s);
    if (autonomous) return autonomous[1];
  }
  s = s.replace(/(市|地区|盟|区|县|旗|林区|特区)$/u, '');
  return s !== name && [...s].length >= 2 ? s : undefined;
}

function english(code: string, plain: string, level: DivisionLevel, overrides: DivisionOverrides): string {
  const given = overrides.en[code];
  if (given) return given;
  const syllables = plain.split(' ').filter(Boolean);
  const word = syllables
    .map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s))
    .join('');
  const base = word.charAt(0).toUpperCase() + word.slice(1);
  switch (level) {
    case 'district':
      return `${base} District`;
    case 'county':
      return `${base} County`;
    case 'banner':
      return `${base} Banner`;
    default:
      return base;
  }
}

const stripSuffix = (name: string) => name.replace(/(省|市|自治区|特别行政区|壮族自治区|回族自治区|维吾尔自治区)$/u, '');

export function generateDivisions(input: DivisionInput, overrides: DivisionOverrides, pinyin: Pinyin): Entity[] {
  // Prefecture-level cities without counties (东莞, 中山, 儋州) are listed again as their own county row.
  const byCode = new Map<string, RawDivision>();
  for (const d of [...input.provinces, ...input.prefectures, ...input.counties]) if (!byCode.has(d.code)) byCode.set(d.code, d);
  const all = [...byCode.values()];
  const parentOf = (code: string): string | undefined => {
    if (code.endsWith('0000')) return undefined;
    const province = `${code.slice(0, 2)}0000`;
    if (code.endsWith('00')) return province;
    const prefecture = `${code.slice(0, 4)}00`;
    return byCode.has(prefecture) ? prefecture : province;
  };

  // Which short names may be matched on their own: long enough, not an ordinary word, and unique.
  const common = new Set(overrides.commonWords);
  const countyAllowed = new Set(overrides.countyShortAllow);
  const isCountyLevel = (level: DivisionLevel) =>
    level === 'district' || level === 'county' || level === 'county-level city' || level === 'banner' || level === 'zone';
  const shortOf = new Map<string, string | undefined>();
  const uses = new Map<string, number>();
  const count = (s: string) => uses.set(s, (uses.get(s) ?? 0) + 1);
  for (const d of all) {
    const level = levelOf(d.code, d.name);
    const short =
      level === 'province' || level === 'autonomous region' || level === 'sar' || level === 'municipality'
        ? (overrides.provinceShort[d.code] ?? stripSuffix(d.name))
        : shortName(d.name, level);
    shortOf.set(d.code, short);
    count(d.name);
    if (short && short !== d.name) count(short);
  }

  const englishOf = new Map<string, { py: ReturnType<Pinyin>; en: string }>();
  const enUses = new Map<string, number>();
  for (const d of all) {
    const level = levelOf(d.code, d.name);
    const py = pinyin(shortOf.get(d.code) ?? d.name);
    const en = english(d.code, py.plain, level, overrides);
    englishOf.set(d.code, { py, en });
    enUses.set(en, (enUses.get(en) ?? 0) + 1);
  }

  return all.map((d) => {
    const level = levelOf(d.code, d.name);
    const { py, en } = englishOf.get(d.code)!;
    const parent = parentOf(d.code);
    const parentName = parent ? byCode.get(parent)?.name : undefined;
    const aliases: Alias[] = [];
    const short = shortOf.get(d.code);
    const fullShared = (uses.get(d.name) ?? 0) > 1;
    if (fullShared) aliases.push({ text: d.name, lang: 'zh-Hans', ambiguous: true });
    if (short && short !== d.name) {
      const safe =
        !common.has(short) &&
        (uses.get(short) ?? 0) === 1 &&
        [...short].length >= 2 &&
        (!isCountyLevel(level) || countyAllowed.has(short));
      aliases.push(safe ? { text: short, lang: 'zh-Hans' } : { text: short, lang: 'zh-Hans', noMatch: true });
    }
    // English names of provinces and prefectures are matched; county-level ones only searched (too many clash).
    const englishMatches = !isCountyLevel(level);
    // Two prefectures read the same in pinyin (泰州 and 台州 are both Taizhou): offered as candidates.
    const enShared = (enUses.get(en) ?? 0) > 1;
    aliases.push(
      !englishMatches
        ? { text: en, lang: 'en', noMatch: true }
        : enShared
          ? { text: en, lang: 'en', ambiguous: true }
          : { text: en, lang: 'en' },
    );
    aliases.push({ text: py.plain, lang: 'pinyin', noMatch: true });
    const levelText = LEVEL_TEXT[level];
    const fact: Fact = {
      label: { en: 'Division code', zh: '区划代码' },
      text: {
        en: `Statistical division code ${d.code}; a ${levelText.en}${parentName ? ` under ${parentName}` : ''}.`,
        zh: `统计用区划代码${d.code}，${parentName ? `隶属${parentName}的` : ''}${levelText.zh}。`,
      },
      source: { ...NBS_SOURCE },
      asOf: NBS_AS_OF,
    };
    return {
      id: `place-${d.code}`,
      type: 'place',
      names: { zhHans: d.name, en, aliases },
      summary: {
        en: `${en}: ${levelText.en}${parentName ? ` of ${parentName}` : ''} in China.`,
        zh: `${parentName ? `${parentName}下辖的` : '中国的'}${levelText.zh}。`,
      },
      attributes: { level, code: d.code, pinyin: py.toned, ...(parent ? { parent: `place-${parent}` } : {}) },
      relations: parent ? [{ kind: 'located_in', target: `place-${parent}` }] : [],
      facts: [fact],
    } satisfies Entity;
  });
}

/**
 * Merge a curated place file over its generated division: the curated names, summary and facts win; the
 * generated code, level, pinyin, parent and division-code fact are added where the curated file lacks them.
 */
export function mergePlace(generated: Entity, curated: Entity): Entity {
  const texts = new Set(curated.names.aliases.map((a) => a.text));
  texts.add(curated.names.zhHans);
  const aliases = [...curated.names.aliases, ...generated.names.aliases.filter((a) => !texts.has(a.text))];
  const relations = [...curated.relations];
  for (const r of generated.relations) {
    if (!relations.some((x) => x.kind === r.kind && x.target === r.target)) relations.push(r);
  }
  return {
    ...curated,
    names: { ...curated.names, en: curated.names.en ?? generated.names.en, aliases },
    attributes: { ...generated.attributes, ...curated.attributes },
    relations,
    facts: [...curated.facts, ...generated.facts],
  };
}

/**
 * Generated names give way to curated ones: a division's name that a curated entity already uses (宿州's
 * "Suzhou" against 苏州's; the zone 苏州工业园区 against the curated park) is kept for search but not matched.
 */
export function yieldToCurated(generated: Entity[], curated: Entity[]): Entity[] {
  const curatedIds = new Set(curated.map((e) => e.id));
  const taken = new Set<string>();
  for (const e of curated) {
    // Every curated name counts, matched or not: a curated noMatch (阿里 for Alibaba) says the word is too loose.
    for (const text of [...e.names.aliases.map((a) => a.text), e.names.zhHans, e.names.en ?? '']) if (text) taken.add(nameKey(text));
  }
  return generated.map((g) => {
    if (curatedIds.has(g.id)) return g;
    const aliases = g.names.aliases.map((a) => {
      if (a.noMatch || !taken.has(nameKey(a.text))) return a;
      return { ...a, noMatch: true };
    });
    // The full name too: add it as an alias so that its noMatch applies (expandNames adds zhHans otherwise).
    if (taken.has(nameKey(g.names.zhHans)) && !aliases.some((a) => a.text === g.names.zhHans)) {
      aliases.push({ text: g.names.zhHans, lang: 'zh-Hans', noMatch: true });
    }
    return { ...g, names: { ...g.names, aliases } };
  });
}
