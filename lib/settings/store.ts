import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './settings';

/** The one stored settings object (browser.storage.local), validated on every read. */
const item = storage.defineItem<unknown>('local:settings', { fallback: DEFAULT_SETTINGS });

export async function loadSettings(): Promise<Settings> {
  const stored = await item.getValue();
  // Nothing stored (most readers never change a setting): the defaults need no validating, and every page's
  // start-up skips building the settings schema. A copy, so no caller can change the defaults themselves.
  if (stored === DEFAULT_SETTINGS) return { ...DEFAULT_SETTINGS, disabledSites: [], types: { ...DEFAULT_SETTINGS.types } };
  return normalizeSettings(stored);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await item.setValue(normalizeSettings(settings));
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return item.watch((value) => onChange(normalizeSettings(value)));
}
