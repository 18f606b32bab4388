import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './settings';

/**
 * The one stored settings object (browser.storage.local, key "settings"), validated on every read.
 *
 * Plain storage calls, not WXT's storage items: every page's content script loads this, and the item layer
 * (versions, migrations, locks, none of which one key needs) cost about 3 ms of its start-up on the bench page
 * in compiling and running (CPU profile, content.js).
 */
const KEY = 'settings';

/** The defaults, as a copy no caller can change the defaults through. */
function defaults(): Settings {
  return { ...DEFAULT_SETTINGS, disabledSites: [], types: { ...DEFAULT_SETTINGS.types } };
}

export async function loadSettings(): Promise<Settings> {
  const stored: unknown = (await browser.storage.local.get(KEY))[KEY];
  // Nothing stored (most readers never change a setting): the defaults need no validating, and every page's
  // start-up skips building the settings schema.
  if (stored === undefined || stored === null) return defaults();
  return normalizeSettings(stored);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: normalizeSettings(settings) });
}

/** Calls back with the new settings whenever they change, from any tab or the popup; returns the unsubscribe. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(KEY in changes)) return;
    const next = changes[KEY]!.newValue;
    onChange(next === undefined || next === null ? defaults() : normalizeSettings(next));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
