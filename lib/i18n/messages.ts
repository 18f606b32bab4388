import { browser } from 'wxt/browser';
import enCatalog from '@/public/_locales/en/messages.json';
import zhCatalog from '@/public/_locales/zh_CN/messages.json';

/**
 * UI text lives in _locales/{en,zh_CN}/messages.json. In the browser's own language it is read through the
 * extension i18n API; when the reader picks the other language in the settings, from the same catalogs.
 */
export type MessageKey = keyof typeof enCatalog;
export type Lang = 'zh' | 'en';
type Catalog = Record<string, { message: string }>;
const CATALOGS: Record<Lang, Catalog> = { en: enCatalog, zh: zhCatalog };

/** The browser's UI language, as one of ours. */
export function browserLanguage(): Lang {
  let ui = typeof navigator !== 'undefined' ? navigator.language : 'en';
  try {
    ui = browser.i18n?.getUILanguage?.() ?? ui;
  } catch {
    // Outside an extension (unit tests' fake browser) the navigator's language stands in.
  }
  return ui.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

const fill = (text: string, subs: string[]) => text.replace(/\$(\d)/g, (m, n: string) => subs[Number(n) - 1] ?? m);

export function msg(key: MessageKey, lang: Lang, ...subs: string[]): string {
  if (lang === browserLanguage()) {
    // WXT types getMessage for its own locales setup; our catalogs are plain _locales files.
    const getMessage = browser.i18n?.getMessage as ((name: string, substitutions?: string[]) => string) | undefined;
    try {
      const viaApi = getMessage?.(key, subs);
      if (viaApi) return viaApi;
    } catch {
      // No i18n API here: the catalog below is the same text.
    }
  }
  return fill(CATALOGS[lang][key]?.message ?? CATALOGS.en[key]?.message ?? key, subs);
}

/** Both languages of a label, for tables that hold a label per type or relation. */
export function label(key: MessageKey): { en: string; zh: string } {
  return { en: CATALOGS.en[key]!.message, zh: CATALOGS.zh[key]!.message };
}
