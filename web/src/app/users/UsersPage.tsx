import { useLocale } from '../../components/useLocale';
import { LoadState } from '../Feedback';
import { useSession } from '../session';
import { useLoaded } from '../useLoaded';
import { InvitePanel } from './InvitePanel';
import { MemberList } from './MemberList';
import { loadMembers } from './members';

/** The people of my organization: their roles, invitations, disabling and MFA resets. */
export function UsersPage() {
  const { t } = useLocale('app');
  const { can } = useSession();
  const { data, failed, reload } = useLoaded(loadMembers);
  return (
    <div>
      <h1 className="page-title">{t('users.title')}</h1>
      <p className="lead">{can('roles:grant') ? t('users.intro') : t('users.readOnly')}</p>
      {can('roles:grant') ? <InvitePanel /> : null}
      {data ? <MemberList members={data.members} onChanged={reload} /> : <LoadState failed={failed} />}
    </div>
  );
}
