import { useLocale } from '../../components/useLocale';

export function ChangePasswordPage() {
  const { t } = useLocale('app');
  return <h1 className="page-title">{t('changePassword.title')}</h1>;
}
