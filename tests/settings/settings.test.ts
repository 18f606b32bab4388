import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, isActiveOn, normalizeSettings, toggleSite } from '@/lib/settings/settings';
import { loadSettings, saveSettings, watchSettings } from '@/lib/settings/store';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('repairs broken stored values field by field', () => {
    const s = normalizeSettings({ enabled: 'yes', hoverDelayMs: 99999, markStyle: 'background', types: { place: false } });
    expect(s.enabled).toBe(true);
    expect(s.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(s.markStyle).toBe('background');
    expect(s.types).toEqual({ ...DEFAULT_SETTINGS.types, place: false });
    expect(normalizeSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('turns a site off and on again without touching others', () => {
    const off = toggleSite(DEFAULT_SETTINGS, 'https://www.36kr.com/p/1');
    expect(isActiveOn(off, 'https://www.36kr.com/p/2')).toBe(false);
    expect(isActiveOn(off, 'https://www.caixin.com/')).toBe(true);
    expect(isActiveOn(toggleSite(off, 'https://www.36kr.com/'), 'https://www.36kr.com/p/2')).toBe(true);
    expect(isActiveOn({ ...DEFAULT_SETTINGS, enabled: false }, 'https://www.caixin.com/')).toBe(false);
  });

  it('loads the defaults when nothing is stored, as a copy that cannot change them', async () => {
    const loaded = await loadSettings();
    expect(loaded).toEqual(DEFAULT_SETTINGS);
    loaded.types.place = false;
    loaded.disabledSites.push('example.org');
    expect(DEFAULT_SETTINGS.types.place).toBe(true);
    expect(DEFAULT_SETTINGS.disabledSites).toEqual([]);
  });

  it('stores, loads and announces changes', async () => {
    const seen: boolean[] = [];
    const stop = watchSettings((s) => seen.push(s.enabled));
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await saveSettings({ ...DEFAULT_SETTINGS, enabled: false });
    expect((await loadSettings()).enabled).toBe(false);
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toContain(false);
    stop();
  });
});
