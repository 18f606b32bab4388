import type { EntityType, RelationKind } from '../data/schema';
import { label } from '../i18n/messages';

type Label = { en: string; zh: string };

/** The attributes a card shows for each type, in this order; others stay in the data but off the card. */
export const CARD_ATTRIBUTES: Record<EntityType, [key: string, label: Label][]> = {
  place: [
    ['level', label('label_level')],
    ['code', label('label_division_code')],
    ['nationalAiPilotZone', label('label_national_ai_pilot_zone')],
    ['miitAiPilotArea', label('label_ai_innovation_application_pilot_area')],
  ],
  company: [
    ['legalName', label('label_legal_name')],
    ['founded', label('label_founded')],
    ['founders', label('label_founders')],
    ['sector', label('label_sector')],
    ['products', label('label_products')],
    ['listing', label('label_listed_on')],
    ['ticker', label('label_ticker')],
    ['hq', label('label_headquarters')],
  ],
  policy: [
    ['fullTitle', label('label_full_title')],
    ['issuer', label('label_issued_by')],
    ['issued', label('label_issued')],
    ['docNumber', label('label_document_number')],
    ['level', label('label_level')],
    ['targets', label('label_targets')],
  ],
  park: [
    ['established', label('label_established')],
    ['area_km2', label('label_area_km')],
    ['level', label('label_level')],
  ],
  org: [
    ['founded', label('label_founded')],
    ['level', label('label_level')],
  ],
};

/** How a relation reads from each end: a city's incoming headquartered_in are "companies based here". */
export const RELATION_LABELS: Record<RelationKind, { outgoing: Label; incoming: Label }> = {
  located_in: { outgoing: label('label_located_in'), incoming: label('label_within_it') },
  headquartered_in: { outgoing: label('label_headquarters'), incoming: label('label_companies_based_here') },
  parent_org: { outgoing: label('label_parent'), incoming: label('label_subsidiaries') },
  investor: { outgoing: label('label_investors'), incoming: label('label_invested_in') },
  applies_to: { outgoing: label('label_applies_to'), incoming: label('label_policies_that_apply_here') },
  issued_by: { outgoing: label('label_issued_by'), incoming: label('label_issued') },
  implements: { outgoing: label('label_implements'), incoming: label('label_implemented_by') },
  supersedes: { outgoing: label('label_supersedes'), incoming: label('label_superseded_by') },
  related: { outgoing: label('label_related'), incoming: label('label_related') },
};

/** Related groups shown on a card, most useful first; long groups are cut to this many names. */
export const RELATED_PER_GROUP = 8;

export function attributeText(value: string | number | string[]): string {
  return Array.isArray(value) ? value.join('、') : String(value);
}
