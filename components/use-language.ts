import { useEffect, useState } from 'preact/hooks';
import { browserLanguage, type Lang } from '@/lib/i18n/messages';
import type { Settings } from '@/lib/settings/settings';
import { loadSettings, watchSettings } from '@/lib/settings/store';

export const languageFor = (setting: Settings['language']): Lang => (setting === 'auto' ? browserLanguage() : setting);

/** The UI language the reader chose (or the browser's), following changes made in the options page. */
export function useUiLanguage(): Lang {
  const [lang, setLang] = useState<Lang>(browserLanguage());
  useEffect(() => {
    void loadSettings().then((s) => setLang(languageFor(s.language)));
    return watchSettings((s) => setLang(languageFor(s.language)));
  }, []);
  return lang;
}
