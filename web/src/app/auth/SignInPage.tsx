import { useLocale } from '../../components/useLocale';

export function SignInPage() {
  const { t } = useLocale('app');
  return <h1 className="page-title">{t('signIn.title')}</h1>;
}
