import { useLocale } from '../../components/useLocale';

export function SecurityPage() {
  const { t } = useLocale('app');
  return <h1 className="page-title">{t('security.title')}</h1>;
}
