import { useLocale } from '../../components/useLocale';
import { LoadState } from '../Feedback';
import { useSession } from '../session';
import { useLoaded } from '../useLoaded';
import { loadKeys } from './api-keys';
import { CreateKeyPanel } from './CreateKeyPanel';
import { KeyList } from './KeyList';

/** API keys for integrations: owners and admins make and revoke them, auditors read the list. */
export function ApiKeysPage() {
  const { t } = useLocale('app');
  const { can } = useSession();
  const { data, failed, reload } = useLoaded(loadKeys);
  const manage = can('keys:manage');
  return (
    <div>
      <h1 className="page-title">{t('apiKeys.title')}</h1>
      <p className="lead">{manage ? t('apiKeys.intro') : t('apiKeys.readOnly')}</p>
      {manage ? <CreateKeyPanel onCreated={reload} /> : null}
      {data ? <KeyList keys={data.keys} manage={manage} onChanged={reload} /> : <LoadState failed={failed} />}
    </div>
  );
}
