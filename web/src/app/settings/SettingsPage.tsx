import { useLocale } from '../../components/useLocale';
import { BookingPoliciesPanel } from './BookingPoliciesPanel';
import { OrgSettingsPanel } from './OrgSettingsPanel';
import { SecurityPolicyPanel } from './SecurityPolicyPanel';

/** The organization's settings: name, zone, language, embedding, booking policies, and its sign-in policy. */
export function SettingsPage() {
  const { t } = useLocale('app');
  return (
    <div>
      <h1 className="page-title">{t('settings.title')}</h1>
      <OrgSettingsPanel />
      <BookingPoliciesPanel />
      <SecurityPolicyPanel />
    </div>
  );
}
