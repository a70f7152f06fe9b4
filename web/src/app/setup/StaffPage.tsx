import { useCallback, useEffect, useState } from 'react';
import { useLocale } from '../../components/useLocale';
import { deskErrorKey } from '../calendar/booking-status';
import { useCan } from '../session';
import { SetupListPage } from './SetupListPage';
import { StaffForm } from './StaffForm';
import { type DeskService, type DeskStaff, type OrgMember, setupApi } from './setup-api';
import './setup.css';

/** The people who take bookings: a list, and a form for their services, time zone, work contact and account. */
export function StaffPage() {
  const { t } = useLocale('desk');
  const can = useCan();
  const [staff, setStaff] = useState<DeskStaff[] | null>(null);
  const [services, setServices] = useState<DeskService[]>([]);
  const [members, setMembers] = useState<OrgMember[]>([]);
  const [editing, setEditing] = useState<DeskStaff | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [p, s] = await Promise.all([setupApi.staff(), setupApi.services()]);
      setStaff(p);
      setServices(s);
      setError(null);
    } catch (e) {
      setError(t(deskErrorKey(e)));
    }
    if (can('members:read')) {
      // Without the member list, an account can still be kept but not newly linked.
      setMembers(await setupApi.members().catch(() => []));
    }
  }, [t, can]);

  useEffect(() => {
    void load();
  }, [load]);

  const serviceName = (id: string) => services.find((s) => s.id === id)?.name ?? id;
  const memberName = (userId: string | null) => (userId ? (members.find((m) => m.userId === userId)?.email ?? t('staff.linked')) : t('staff.noAccount'));

  return (
    <SetupListPage
      title={t('staff.title')}
      addLabel={t('staff.add')}
      formOpen={editing !== null}
      onAdd={() => setEditing('new')}
      notice={notice}
      error={error}
      form={
        editing !== null && (
          <StaffForm
            key={editing === 'new' ? 'new' : editing.id}
            person={editing === 'new' ? null : editing}
            services={services}
            members={members}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              setNotice(t('staff.saved'));
              void load();
            }}
          />
        )
      }
      items={staff}
      noneLabel={t('staff.none')}
      columns={[t('staff.name'), t('staff.services'), t('staff.timeZone'), t('staff.account'), t('services.state')]}
      cells={(p) => (
        <>
          <td>{p.serviceIds.length > 0 ? p.serviceIds.map(serviceName).join(', ') : t('staff.noServices')}</td>
          <td>{p.timeZone}</td>
          <td>{memberName(p.userId)}</td>
          <td>{p.active ? t('common.active') : t('common.inactive')}</td>
        </>
      )}
      editLabel={(p) => t('staff.editNamed', { name: p.name })}
      onEdit={setEditing}
    />
  );
}
