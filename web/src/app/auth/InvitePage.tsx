import { useLocale } from '../../components/useLocale';

export function InvitePage() {
  const { t } = useLocale('app');
  return <h1 className="page-title">{t('invite.title')}</h1>;
}
