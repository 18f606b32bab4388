import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { idAt, type NameIndex } from '@/lib/data/bundle';
import { Automaton } from '@/lib/match/automaton';

/**
 * The shipped name index (built by npm run data:build) against sentences written for this test, each naming
 * something the seed article (../shared/seed) names: every such city, company and policy must be found.
 */
const index = JSON.parse(readFileSync(new URL('../../generated/name-index.json', import.meta.url), 'utf8')) as NameIndex;
const automaton = Automaton.load(index.trie, index.variants);
const idsIn = (text: string) => new Set(automaton.find(text).flatMap((m) => [m.entity, ...(m.alternatives ?? [])]).map((e) => idAt(index, e)));

const CASES: [string, string][] = [
  ['place-320500', '记者本周在苏州走访了几家工厂。'],
  ['place-330100', '杭州的创业氛围一直被拿来比较。'],
  ['place-320000', '江苏的制造业规模位居全国前列。'],
  ['place-320900', '这篇稿件最早出现在盐城频道。'],
  ['place-320581', '常熟的纺织企业开始用机器视觉验布。'],
  ['place-320506', '吴中区正在培育机器人产业集群。'],
  ['park-suzhou-industrial-park', '苏州工业园区把算法团队和药企拉到一起。'],
  ['park-suzhou-international-science-park', '苏州国际科技园给早期团队免租金。'],
  ['company-tztek', '天准科技的视觉检测设备用在光伏产线上。'],
  ['company-fair-innovation', '法奥的协作机械臂进入焊接车间。'],
  ['company-sugon-kekong', '中科可控在做AI服务器。'],
  ['company-yizhu-technology', '亿铸科技研发存算一体芯片。'],
  ['company-aispeech', '思必驰的语音技术进入政务场景。'],
  ['company-tongyuan', '同元软控提供工业仿真软件。'],
  ['company-ecovacs', '科沃斯的扫地机器人销量不错。'],
  ['company-dreame', '追觅也在做清洁机器人。'],
  ['company-momenta', '魔门塔押注自动驾驶。'],
  ['company-biomap', '百图生科用AI筛选药物分子。'],
  ['company-deepseek', 'This year deep seek took the spotlight.'],
  ['company-deepseek', '杭州的DeepSeek引发关注。'],
  ['org-itbt-innovation-center', '园区设立了ITBT融合创新中心。'],
  ['org-zhejiang-university', '浙江大学输送了大量工程师。'],
  ['company-tesla', '特斯拉常被用来类比。'],
  ['policy-national-ai-innovation-pilot-zones', '该市获批国家新一代人工智能创新发展试验区。'],
  ['policy-ai-empowered-industrialization-pilot-zones', '后来又升级为人工智能赋能新型工业化先导区。'],
  ['policy-suzhou-ai-plus-action-plan', '市里印发《高水平建设“人工智能+”创新发展试验区行动方案》。'],
  ['policy-suzhou-ai-plus-action-plan', '文件编号为苏府办〔2024〕140号。'],
  ['policy-suzhou-ai-plus-measures', '今年又出台《高水平建设“人工智能+”创新发展试验区若干措施》。'],
];

describe('every entity the seed article names is found', () => {
  it.each(CASES)('%s in “%s”', (id, sentence) => {
    expect(idsIn(sentence)).toContain(id);
  });

  it('starts every English mention at the name itself, never at the space before it', () => {
    const text = 'Reuters-style copy calls the Hangzhou lab DeepSeek, and describes Suzhou Industrial Park as a showcase.';
    expect(automaton.find(text).map((m) => text.slice(m.start, m.end))).toEqual(['Hangzhou', 'DeepSeek', 'Suzhou Industrial Park']);
  });

  it('finds nothing in a sentence about a river and a suit', () => {
    expect([...idsIn('他穿着中山装沿苏州河散步，延长了行程，投资中也看重资源。')]).toEqual([]);
  });
});
