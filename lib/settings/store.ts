import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './settings';

/** The one stored settings object (browser.storage.local), validated on every read. */
const item = storage.defineItem<unknown>('local:settings', { fallback: DEFAULT_SETTINGS });

export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await item.getValue());
}

export async function saveSettings(settings: Settings): Promise<void> {
  await item.setValue(normalizeSettings(settings));
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return item.watch((value) => onChange(normalizeSettings(value)));
}
