import { useLocale } from '../../components/useLocale';

export function SettingsPage() {
  const { t } = useLocale('app');
  return <h1 className="page-title">{t('settings.title')}</h1>;
}
