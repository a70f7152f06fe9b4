import { useTranslation } from 'react-i18next';
import { type Namespace, formattingLocale } from '../i18n';

/** The translation function (of one namespace, the public pages' by default) and the Intl locale of the current language. */
export function useLocale(namespace: Namespace = 'translation') {
  const { t, i18n } = useTranslation(namespace);
  return { t, language: i18n.language, locale: formattingLocale(i18n.language) };
}
