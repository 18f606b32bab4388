import * as z from 'zod/mini';
import { lazySchema } from '../schema/lazy-schema';
import { ENTITY_TYPES, EntityType } from '../data/schema';
import { HOVER_OPEN_DELAY_MS } from '../hover/hover-intent';

/** Slowest hover delay offered: beyond a second the card feels broken rather than patient. */
export const MAX_HOVER_DELAY_MS = 1000;

export const MarkStyle = lazySchema(() => z.enum(['underline', 'background', 'none']));
export type MarkStyle = z.infer<typeof MarkStyle>;
export const UiLanguageSetting = lazySchema(() => z.enum(['auto', 'zh', 'en']));

/** The reader's settings, kept in browser.storage.local so every part (and every tab) sees changes at once. */
export const Settings = lazySchema(() =>
  z.object({
    enabled: z.boolean(),
    /** Sites (hostnames) where the reader switched AI Atlas off. */
    disabledSites: z.array(z.string()),
    types: z.partialRecord(EntityType, z.boolean()),
    markStyle: MarkStyle,
    hoverDelayMs: z.int().check(z.minimum(0), z.maximum(MAX_HOVER_DELAY_MS)),
    language: UiLanguageSetting,
  }),
);
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  types: Object.fromEntries(ENTITY_TYPES.map((t) => [t, true])) as Record<EntityType, boolean>,
  markStyle: 'underline',
  hoverDelayMs: HOVER_OPEN_DELAY_MS,
  language: 'auto',
};

/** Whatever is stored, a usable value: unknown or broken fields fall back to the defaults, one by one. */
export function normalizeSettings(raw: unknown): Settings {
  const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const field = Settings.shape[key].safeParse(input[key]);
    if (field.success) out[key] = key === 'types' ? { ...DEFAULT_SETTINGS.types, ...(field.data as object) } : field.data;
  }
  return out as Settings;
}

export function siteOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export function isActiveOn(settings: Settings, url: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(siteOf(url));
}

export function toggleSite(settings: Settings, url: string): Settings {
  const site = siteOf(url);
  const off = settings.disabledSites.includes(site);
  return { ...settings, disabledSites: off ? settings.disabledSites.filter((s) => s !== site) : [...settings.disabledSites, site] };
}
