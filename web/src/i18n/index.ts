import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import appEn from './locales/app.en.json';
import appZhCN from './locales/app.zh-CN.json';
import deskEn from './locales/desk.en.json';
import deskZhCN from './locales/desk.zh-CN.json';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Translation files by namespace: `translation` for the public pages, `app` for the staff
 * app's shell and account pages, `desk` for its calendar and setup pages.
 */
export const NAMESPACES = ['translation', 'app', 'desk'] as const;
export type Namespace = (typeof NAMESPACES)[number];

const STORAGE_KEY = 'slotguard.language';

/** The saved choice first, then the browser's languages; English when nothing matches. */
export function pickLanguage(saved: string | null, browser: readonly string[]): Language {
  if (saved === 'en' || saved === 'zh-CN') return saved;
  for (const tag of browser) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

function savedLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function chooseLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode may refuse storage; the choice still holds for this page.
  }
  void i18n.changeLanguage(language);
}

/**
 * The locale for Intl formatting: the browser's own tag when it is of the chosen language
 * (en-GB keeps its 24-hour clock), else the language itself.
 */
export function formattingLocale(language: string): string {
  const prefix = language.slice(0, 2);
  return navigator.languages.find((tag) => tag.toLowerCase().startsWith(prefix)) ?? language;
}

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: en, app: appEn, desk: deskEn },
    'zh-CN': { translation: zhCN, app: appZhCN, desk: deskZhCN },
  },
  ns: [...NAMESPACES],
  defaultNS: 'translation',
  lng: pickLanguage(savedLanguage(), navigator.languages),
  fallbackLng: false,
  supportedLngs: [...LANGUAGES],
  // React escapes what it renders; escaping twice would show entities.
  interpolation: { escapeValue: false },
  returnNull: false,
  saveMissing: true,
  missingKeyHandler: (_languages, namespace, key) => {
    console.error(`Missing translation: ${namespace}:${key}`);
  },
});

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});
document.documentElement.lang = i18n.language;

export default i18n;
