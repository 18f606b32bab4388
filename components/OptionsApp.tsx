import { useEffect, useState } from 'preact/hooks';
import { msg, type MessageKey } from '@/lib/i18n/messages';
import { languageFor } from './use-language';
import { ENTITY_TYPES } from '@/lib/data/schema';
import { MAX_HOVER_DELAY_MS, type MarkStyle, type Settings } from '@/lib/settings/settings';
import { loadSettings, saveSettings, watchSettings } from '@/lib/settings/store';
import { TYPE_LABELS, type UiLanguage } from '@/lib/text/labels';


/** The options page: every setting takes effect at once in open tabs (they watch browser.storage). */
export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | undefined>();
  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  if (!settings) return null;
  const lang: UiLanguage = languageFor(settings.language);
  const t = (key: MessageKey) => msg(key, lang);
  const update = (patch: Partial<Settings>) => {
    const next = { ...settings, ...patch };
    setSettings(next);
    void saveSettings(next);
  };
  return (
    <main class="options" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <h1>AI Atlas — {t('settings')}</h1>
      <section>
        <label class="row">
          <input type="checkbox" data-testid="setting-enabled" checked={settings.enabled} onChange={(e) => update({ enabled: (e.target as HTMLInputElement).checked })} />
          {t('mark_names_on_pages')}
        </label>
      </section>
      <section>
        <h2>{t('what_to_mark')}</h2>
        {ENTITY_TYPES.map((type) => (
          <label class="row" key={type}>
            <input
              type="checkbox"
              data-testid={`setting-type-${type}`}
              checked={settings.types[type] !== false}
              onChange={(e) => update({ types: { ...settings.types, [type]: (e.target as HTMLInputElement).checked } })}
            />
            {lang === 'zh' ? TYPE_LABELS[type].plural.zh : TYPE_LABELS[type].plural.en}
          </label>
        ))}
      </section>
      <section>
        <h2>{t('mark_style')}</h2>
        {(['underline', 'background', 'none'] as MarkStyle[]).map((style) => (
          <label class="row" key={style}>
            <input type="radio" name="mark-style" data-testid={`setting-style-${style}`} checked={settings.markStyle === style} onChange={() => update({ markStyle: style })} />
            {style === 'underline' ? t('thin_underline') : style === 'background' ? t('tinted_background') : t('none_show_only_on_hover')}
          </label>
        ))}
      </section>
      <section>
        <h2>{t('hover_delay')}</h2>
        <label class="row">
          <input
            type="range"
            min={0}
            max={MAX_HOVER_DELAY_MS}
            step={50}
            data-testid="setting-hover-delay"
            aria-label={t('hover_delay_in_milliseconds')}
            value={settings.hoverDelayMs}
            onInput={(e) => update({ hoverDelayMs: Number((e.target as HTMLInputElement).value) })}
          />
          <output>{settings.hoverDelayMs} ms</output>
        </label>
      </section>
      <section>
        <h2>{t('language')}</h2>
        <select data-testid="setting-language" aria-label={t('language')} value={settings.language} onChange={(e) => update({ language: (e.target as HTMLSelectElement).value as Settings['language'] })}>
          <option value="auto">{t('follow_the_browser')}</option>
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
      </section>
      {settings.disabledSites.length > 0 && (
        <section>
          <h2>{t('sites_where_ai_atlas_is_off')}</h2>
          <ul>
            {settings.disabledSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button type="button" onClick={() => update({ disabledSites: settings.disabledSites.filter((s) => s !== site) })}>
                  {t('turn_on')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p class="note">
        {t('keyboard_shortcuts_change_them_at_chrome')}
      </p>
    </main>
  );
}
