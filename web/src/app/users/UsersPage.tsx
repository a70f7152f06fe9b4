import { useLocale } from '../../components/useLocale';

export function UsersPage() {
  const { t } = useLocale('app');
  return <h1 className="page-title">{t('users.title')}</h1>;
}
