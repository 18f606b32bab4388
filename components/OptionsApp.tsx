import { useEffect, useState } from 'preact/hooks';
import { ENTITY_TYPES } from '@/lib/data/schema';
import { MAX_HOVER_DELAY_MS, type MarkStyle, type Settings } from '@/lib/settings/settings';
import { loadSettings, saveSettings, watchSettings } from '@/lib/settings/store';
import { TYPE_LABELS, type UiLanguage } from '@/lib/text/labels';

const browserLanguage: UiLanguage = navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';

/** The options page: every setting takes effect at once in open tabs (they watch browser.storage). */
export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | undefined>();
  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  if (!settings) return null;
  const lang: UiLanguage = settings.language === 'auto' ? browserLanguage : settings.language;
  const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
  const update = (patch: Partial<Settings>) => {
    const next = { ...settings, ...patch };
    setSettings(next);
    void saveSettings(next);
  };
  return (
    <main class="options" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <h1>AI Atlas — {t('Settings', '设置')}</h1>
      <section>
        <label class="row">
          <input type="checkbox" data-testid="setting-enabled" checked={settings.enabled} onChange={(e) => update({ enabled: (e.target as HTMLInputElement).checked })} />
          {t('Mark names on pages', '在网页上标记名称')}
        </label>
      </section>
      <section>
        <h2>{t('What to mark', '标记哪些类型')}</h2>
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
        <h2>{t('Mark style', '标记样式')}</h2>
        {(['underline', 'background', 'none'] as MarkStyle[]).map((style) => (
          <label class="row" key={style}>
            <input type="radio" name="mark-style" data-testid={`setting-style-${style}`} checked={settings.markStyle === style} onChange={() => update({ markStyle: style })} />
            {style === 'underline' ? t('Thin underline', '细下划线') : style === 'background' ? t('Tinted background', '浅色底纹') : t('None (show only on hover)', '不标记（仅悬停时显示）')}
          </label>
        ))}
      </section>
      <section>
        <h2>{t('Hover delay', '悬停延迟')}</h2>
        <label class="row">
          <input
            type="range"
            min={0}
            max={MAX_HOVER_DELAY_MS}
            step={50}
            data-testid="setting-hover-delay"
            aria-label={t('Hover delay in milliseconds', '悬停延迟（毫秒）')}
            value={settings.hoverDelayMs}
            onInput={(e) => update({ hoverDelayMs: Number((e.target as HTMLInputElement).value) })}
          />
          <output>{settings.hoverDelayMs} ms</output>
        </label>
      </section>
      <section>
        <h2>{t('Language', '界面语言')}</h2>
        <select data-testid="setting-language" aria-label={t('Language', '界面语言')} value={settings.language} onChange={(e) => update({ language: (e.target as HTMLSelectElement).value as Settings['language'] })}>
          <option value="auto">{t('Follow the browser', '跟随浏览器')}</option>
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
      </section>
      {settings.disabledSites.length > 0 && (
        <section>
          <h2>{t('Sites where AI Atlas is off', '已关闭的网站')}</h2>
          <ul>
            {settings.disabledSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button type="button" onClick={() => update({ disabledSites: settings.disabledSites.filter((s) => s !== site) })}>
                  {t('Turn on', '重新启用')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p class="note">
        {t(
          'Keyboard shortcuts (change them at chrome://extensions/shortcuts): Alt+Shift+A on/off for this site, Alt+Shift+N / Alt+Shift+P next / previous name, Esc closes the card.',
          '快捷键（可在 chrome://extensions/shortcuts 修改）：Alt+Shift+A 本站开关，Alt+Shift+N / Alt+Shift+P 下一个/上一个名称，Esc 关闭卡片。',
        )}
      </p>
    </main>
  );
}
