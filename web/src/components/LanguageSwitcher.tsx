import { useId } from 'react';
import { LANGUAGES, type Language, chooseLanguage } from '../i18n';
import { useLocale } from './useLocale';

export function LanguageSwitcher() {
  const { t, language } = useLocale();
  const id = useId();
  return (
    <div className="language">
      <label htmlFor={id}>{t('layout.language')}</label>
      <select id={id} value={language} onChange={(e) => chooseLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`languages.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
