import type { EntityType } from '../data/schema';

export type UiLanguage = 'zh' | 'en';

export const TYPE_LABELS: Record<EntityType, { en: string; zh: string; plural: { en: string; zh: string } }> = {
  place: { en: 'Place', zh: '地区', plural: { en: 'Places', zh: '地区' } },
  park: { en: 'Park / zone', zh: '园区', plural: { en: 'Parks and zones', zh: '园区' } },
  company: { en: 'Company', zh: '企业', plural: { en: 'Companies', zh: '企业' } },
  policy: { en: 'Policy', zh: '政策', plural: { en: 'Policies and programmes', zh: '政策与计划' } },
  org: { en: 'Organisation', zh: '机构', plural: { en: 'Organisations', zh: '机构' } },
};

/** Display order of types in lists: places first, as the seed article reads. */
export const TYPE_ORDER: EntityType[] = ['place', 'park', 'company', 'policy', 'org'];

const HAN = /\p{Script=Han}/u;

/** The card speaks the language of the text the reader pointed at. */
export function languageOf(text: string): UiLanguage {
  return HAN.test(text) ? 'zh' : 'en';
}

export function pick<T extends { en: string; zh?: string }>(text: T, lang: UiLanguage): string {
  return lang === 'zh' && text.zh ? text.zh : text.en;
}
