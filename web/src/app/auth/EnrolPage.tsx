import { useLocale } from '../../components/useLocale';

export function EnrolPage() {
  const { t } = useLocale('app');
  return <h1 className="page-title">{t('enrol.title')}</h1>;
}
