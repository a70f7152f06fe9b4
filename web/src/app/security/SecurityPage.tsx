import { useLocale } from '../../components/useLocale';
import { AntiPhishingPanel } from './AntiPhishingPanel';
import { FactorsPanel } from './FactorsPanel';
import { PasswordPanel } from './PasswordPanel';
import { SessionsPanel } from './SessionsPanel';

/** My security: where I am signed in, my second factors, my password, my anti-phishing phrase. */
export function SecurityPage() {
  const { t } = useLocale('app');
  return (
    <div>
      <h1 className="page-title">{t('security.title')}</h1>
      <p className="lead">{t('security.intro')}</p>
      <SessionsPanel />
      <FactorsPanel />
      <PasswordPanel />
      <AntiPhishingPanel />
    </div>
  );
}
