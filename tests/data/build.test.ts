import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { buildBundle, contentVersion, readingOf, validateSources } from '@/lib/data/build';
import { DatasetBundle } from '@/lib/data/bundle';
import { entity, sampleEntities, toTraditional } from '../helpers/fixtures';

const file = (e: object, path = `data/entities/x/${(e as { id: string }).id}.json`) => ({ path, text: JSON.stringify(e) });

describe('validateSources', () => {
  it('accepts well-formed entities', () => {
    const { entities, problems } = validateSources(sampleEntities.map((e) => file(e)));
    expect(problems).toEqual([]);
    expect(entities).toHaveLength(sampleEntities.length);
  });

  it('reports malformed JSON, a fact without a source, duplicates and dangling relations', () => {
    const noSource = entity('company-a', '甲公司');
    (noSource.facts[0] as { source?: unknown }).source = undefined;
    const dangling = entity('company-b', '乙公司', { relations: [{ kind: 'headquartered_in', target: 'place-999999' }] });
    const badLink = entity('company-c', '丙公司');
    badLink.facts[0]!.source.url = 'javascript:alert(1)';
    const { problems } = validateSources([
      { path: 'data/entities/company/broken.json', text: '{ "id": ' },
      file(noSource),
      file(dangling),
      file(dangling, 'data/entities/company/copy/company-b.json'),
      file(badLink),
    ]);
    const messages = problems.map((p) => `${p.path}: ${p.message}`).join('\n');
    expect(messages).toMatch(/broken\.json: not valid JSON/);
    expect(messages).toMatch(/company-a\.json: facts\.0\.source/);
    expect(messages).toMatch(/duplicate id company-b/);
    expect(messages).toMatch(/headquartered_in → place-999999: no such entity/);
    expect(messages).toMatch(/company-c\.json: facts\.0\.source\.url: source links must be http\(s\)/);
  });
});

describe('buildBundle', () => {
  it('fills Traditional names, search keys and a content version', () => {
    const bundle = DatasetBundle.parse(buildBundle(sampleEntities, toTraditional, 'now'));
    const suzhou = bundle.entities.find((e) => e.id === 'place-320500')!;
    expect(suzhou.names.zhHant).toBe('蘇州市');
    expect(suzhou.names.aliases.map((a) => a.text)).toEqual(expect.arrayContaining(['苏州', '蘇州', '苏州市', 'Suzhou']));
    expect(suzhou.searchKeys).toContain('suzhou');
    expect(bundle.version).toBe(buildBundle([...sampleEntities].reverse(), toTraditional, 'later').version);
    expect(contentVersion('a')).not.toBe(contentVersion('b'));
  });
});

describe('readingOf', () => {
  it("puts a place's curated reading over the generated syllables it covers", () => {
    const toned = (t: string) => pinyin(t, { type: 'string', nonZh: 'consecutive' });
    expect(readingOf('长安区', 'cháng ān', () => 'zhǎng ān qū')).toBe('cháng ān qū');
    expect(readingOf('百图生科', undefined, toned)).toBe('bǎi tú shēng kē');
  });
});
