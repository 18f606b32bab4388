import type { EntityType, RelationKind } from '../data/schema';

type Label = { en: string; zh: string };

/** The attributes a card shows for each type, in this order; others stay in the data but off the card. */
export const CARD_ATTRIBUTES: Record<EntityType, [key: string, label: Label][]> = {
  place: [
    ['level', { en: 'Level', zh: '级别' }],
    ['code', { en: 'Division code', zh: '区划代码' }],
    ['nationalAiPilotZone', { en: 'National AI pilot zone', zh: '国家人工智能创新发展试验区' }],
    ['miitAiPilotArea', { en: 'AI innovation application pilot area', zh: '人工智能创新应用先导区' }],
  ],
  company: [
    ['legalName', { en: 'Legal name', zh: '全称' }],
    ['founded', { en: 'Founded', zh: '成立' }],
    ['founders', { en: 'Founders', zh: '创始人' }],
    ['sector', { en: 'Sector', zh: '领域' }],
    ['products', { en: 'Products', zh: '产品' }],
    ['listing', { en: 'Listed on', zh: '上市地' }],
    ['ticker', { en: 'Ticker', zh: '股票代码' }],
    ['hq', { en: 'Headquarters', zh: '总部' }],
  ],
  policy: [
    ['fullTitle', { en: 'Full title', zh: '全称' }],
    ['issuer', { en: 'Issued by', zh: '发布机关' }],
    ['issued', { en: 'Issued', zh: '印发日期' }],
    ['docNumber', { en: 'Document number', zh: '文号' }],
    ['level', { en: 'Level', zh: '层级' }],
    ['targets', { en: 'Targets', zh: '目标' }],
  ],
  park: [
    ['established', { en: 'Established', zh: '设立' }],
    ['area_km2', { en: 'Area (km²)', zh: '面积（平方公里）' }],
    ['level', { en: 'Level', zh: '级别' }],
  ],
  org: [
    ['founded', { en: 'Founded', zh: '成立' }],
    ['level', { en: 'Level', zh: '级别' }],
  ],
};

/** How a relation reads from each end: a city's incoming headquartered_in are "companies based here". */
export const RELATION_LABELS: Record<RelationKind, { outgoing: Label; incoming: Label }> = {
  located_in: { outgoing: { en: 'Located in', zh: '所在地' }, incoming: { en: 'Within it', zh: '下辖 / 区内' } },
  headquartered_in: { outgoing: { en: 'Headquarters', zh: '总部所在地' }, incoming: { en: 'Companies based here', zh: '总部在此的企业' } },
  parent_org: { outgoing: { en: 'Parent', zh: '母公司' }, incoming: { en: 'Subsidiaries', zh: '子公司' } },
  investor: { outgoing: { en: 'Investors', zh: '投资方' }, incoming: { en: 'Invested in', zh: '投资' } },
  applies_to: { outgoing: { en: 'Applies to', zh: '适用地区' }, incoming: { en: 'Policies that apply here', zh: '适用于此的政策' } },
  issued_by: { outgoing: { en: 'Issued by', zh: '发布机关' }, incoming: { en: 'Issued', zh: '发布的政策' } },
  implements: { outgoing: { en: 'Implements', zh: '落实' }, incoming: { en: 'Implemented by', zh: '落实文件' } },
  supersedes: { outgoing: { en: 'Supersedes', zh: '取代' }, incoming: { en: 'Superseded by', zh: '被取代' } },
  related: { outgoing: { en: 'Related', zh: '相关' }, incoming: { en: 'Related', zh: '相关' } },
};

/** Related groups shown on a card, most useful first; long groups are cut to this many names. */
export const RELATED_PER_GROUP = 8;

export function attributeText(value: string | number | string[]): string {
  return Array.isArray(value) ? value.join('、') : String(value);
}
