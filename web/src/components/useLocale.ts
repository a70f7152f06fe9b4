import { useTranslation } from 'react-i18next';
import { formattingLocale } from '../i18n';

/** The translation function and the Intl locale of the current language. */
export function useLocale() {
  const { t, i18n } = useTranslation();
  return { t, language: i18n.language, locale: formattingLocale(i18n.language) };
}
