import { describe, expect, it } from 'vitest';
import { aliasCollisions } from '@/lib/data/build';
import { generateDivisions, levelOf, mergePlace, shortName, yieldToCurated } from '@/lib/data/divisions';
import { entity } from '../helpers/fixtures';

const pinyin = (name: string) => {
  const table: Record<string, string> = { 江苏: 'jiang su', 苏州: 'su zhou', 吴中: 'wu zhong', 鼓楼: 'gu lou', 南京: 'nan jing', 福建: 'fu jian', 福州: 'fu zhou', 延边: 'yan bian', 吉林: 'ji lin', 宿州: 'su zhou', 安徽: 'an hui', 六安: 'lu an' };
  const plain = table[name] ?? 'x';
  return { toned: plain, plain };
};
const overrides = { en: {}, provinceShort: {}, commonWords: ['鼓楼'], countyShortAllow: ['吴中'] };
const input = {
  provinces: [
    { code: '320000', name: '江苏省' },
    { code: '350000', name: '福建省' },
    { code: '220000', name: '吉林省' },
    { code: '340000', name: '安徽省' },
  ],
  prefectures: [
    { code: '320100', name: '南京市' },
    { code: '320500', name: '苏州市' },
    { code: '350100', name: '福州市' },
    { code: '222400', name: '延边朝鲜族自治州' },
    { code: '341300', name: '宿州市' },
    { code: '341500', name: '六安市' },
  ],
  counties: [
    { code: '320106', name: '鼓楼区' },
    { code: '350102', name: '鼓楼区' },
    { code: '320506', name: '吴中区' },
  ],
};

describe('division names', () => {
  it('derives levels and short names', () => {
    expect(levelOf('110000', '北京市')).toBe('municipality');
    expect(levelOf('150000', '内蒙古自治区')).toBe('autonomous region');
    expect(levelOf('320500', '苏州市')).toBe('prefecture');
    expect(levelOf('320506', '吴中区')).toBe('district');
    expect(levelOf('320581', '常熟市')).toBe('county-level city');
    expect(levelOf('320576', '苏州工业园区')).toBe('zone');
    expect(shortName('延边朝鲜族自治州', 'prefecture')).toBe('延边');
    expect(shortName('黔东南苗族侗族自治州', 'prefecture')).toBe('黔东南');
    expect(shortName('巴音郭楞蒙古自治州', 'prefecture')).toBe('巴音郭楞');
    expect(shortName('吴中区', 'district')).toBe('吴中');
    expect(shortName('城区', 'district')).toBeUndefined();
  });
});

describe('generateDivisions', () => {
  const places = generateDivisions(input, overrides, pinyin);
  const byId = new Map(places.map((p) => [p.id, p]));

  it('makes one sourced place per division, located in its parent', () => {
    expect(places).toHaveLength(13);
    const wuzhong = byId.get('place-320506')!;
    expect(wuzhong.relations).toEqual([{ kind: 'located_in', target: 'place-320500' }]);
    expect(wuzhong.facts[0]!.source.publisher).toMatch(/National Bureau of Statistics/);
    expect(wuzhong.names.aliases).toContainEqual({ text: '吴中', lang: 'zh-Hans' });
    expect(byId.get('place-341500')!.names.en).toBe("Lu'an");
  });

  it('marks a full name two divisions share as ambiguous, and never matches a common-word short name', () => {
    for (const id of ['place-320106', 'place-350102']) {
      const aliases = byId.get(id)!.names.aliases;
      expect(aliases).toContainEqual({ text: '鼓楼区', lang: 'zh-Hans', ambiguous: true });
      expect(aliases).toContainEqual({ text: '鼓楼', lang: 'zh-Hans', noMatch: true });
    }
    expect(aliasCollisions(places)).toEqual([]);
  });

  it('lets curated names win and merges a curated file over its division', () => {
    const curatedSuzhou = entity('place-320500', '苏州市', { en: 'Suzhou', aliases: [{ text: '苏州', lang: 'zh-Hans' }] });
    const yielded = yieldToCurated(places, [curatedSuzhou]);
    const suzhouAnhui = yielded.find((p) => p.id === 'place-341300')!;
    expect(suzhouAnhui.names.aliases.find((a) => a.text === 'Suzhou')).toMatchObject({ noMatch: true });
    const merged = mergePlace(byId.get('place-320500')!, curatedSuzhou);
    expect(merged.facts).toHaveLength(curatedSuzhou.facts.length + 1);
    expect(merged.attributes).toMatchObject({ code: '320500', level: 'prefecture' });
    expect(merged.relations).toContainEqual({ kind: 'located_in', target: 'place-320000' });
    expect(aliasCollisions([...yielded.filter((p) => p.id !== 'place-320500'), merged])).toEqual([]);
  });

  it('reports an unmarked name shared by two entities', () => {
    const problems = aliasCollisions([
      entity('company-a', '甲公司', { aliases: [{ text: '星辰', lang: 'zh-Hans' }] }),
      entity('company-b', '乙公司', { aliases: [{ text: '星辰', lang: 'zh-Hans' }] }),
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/"星辰" is shared by company-a, company-b/);
  });
});
