import type { EntityType } from '../data/schema';
import { label } from '../i18n/messages';

export type UiLanguage = 'zh' | 'en';

export const TYPE_LABELS: Record<EntityType, { en: string; zh: string; plural: { en: string; zh: string } }> = {
  place: { ...label('label_place'), plural: label('label_places') },
  park: { ...label('label_park'), plural: label('label_parks_and_zones') },
  company: { ...label('label_company'), plural: label('label_companies') },
  policy: { ...label('label_policy'), plural: label('label_policies_and_programmes') },
  org: { ...label('label_org'), plural: label('label_organisations') },
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
