import { useCallback, useEffect, useState } from 'react';
import { useLocale } from '../../components/useLocale';
import { deskErrorKey } from '../calendar/booking-status';
import { useCan } from '../session';
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
    <div className="setup-page">
      <div className="setup-title-row">
        <h1 className="page-title">{t('staff.title')}</h1>
        {editing === null && (
          <button type="button" className="button-primary" onClick={() => setEditing('new')}>
            {t('staff.add')}
          </button>
        )}
      </div>
      {notice && (
        <p className="notice notice-success" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {editing !== null && (
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
      )}
      {staff === null ? (
        !error && (
          <p className="muted" role="status">
            {t('common.loading')}
          </p>
        )
      ) : staff.length === 0 ? (
        <p className="muted">{t('staff.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('staff.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.name')}</th>
                <th scope="col">{t('staff.services')}</th>
                <th scope="col">{t('staff.timeZone')}</th>
                <th scope="col">{t('staff.account')}</th>
                <th scope="col">{t('services.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {staff.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{p.serviceIds.length > 0 ? p.serviceIds.map(serviceName).join(', ') : t('staff.noServices')}</td>
                  <td>{p.timeZone}</td>
                  <td>{memberName(p.userId)}</td>
                  <td>{p.active ? t('common.active') : t('common.inactive')}</td>
                  <td>
                    <button type="button" className="button-secondary button-small" onClick={() => setEditing(p)} aria-label={t('staff.editNamed', { name: p.name })}>
                      {t('common.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
