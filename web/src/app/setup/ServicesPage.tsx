import { useCallback, useEffect, useState } from 'react';
import { useLocale } from '../../components/useLocale';
import { formatPrice } from '../../lib/time';
import { deskErrorKey } from '../calendar/booking-status';
import { ServiceForm } from './ServiceForm';
import { SetupListPage } from './SetupListPage';
import { type DeskService, type DeskStaff, setupApi } from './setup-api';
import './setup.css';

/** The services a business offers: a list, and a form to add one or change one. */
export function ServicesPage() {
  const { t, locale } = useLocale('desk');
  const [services, setServices] = useState<DeskService[] | null>(null);
  const [staff, setStaff] = useState<DeskStaff[]>([]);
  const [editing, setEditing] = useState<DeskService | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [s, p] = await Promise.all([setupApi.services(), setupApi.staff()]);
      setServices(s);
      setStaff(p);
      setError(null);
    } catch (e) {
      setError(t(deskErrorKey(e)));
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  const staffName = (id: string) => staff.find((p) => p.id === id)?.name ?? id;

  return (
    <SetupListPage
      title={t('services.title')}
      addLabel={t('services.add')}
      formOpen={editing !== null}
      onAdd={() => setEditing('new')}
      notice={notice}
      error={error}
      form={
        editing !== null && (
          <ServiceForm
            key={editing === 'new' ? 'new' : editing.id}
            service={editing === 'new' ? null : editing}
            staff={staff}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              setNotice(t('services.saved'));
              void load();
            }}
          />
        )
      }
      items={services}
      noneLabel={t('services.none')}
      columns={[t('services.name'), t('services.duration'), t('services.price'), t('services.staff'), t('services.state')]}
      cells={(s) => (
        <>
          <td>{t('common.minutes', { count: s.durationMin })}</td>
          <td>{s.priceCents !== null && s.currency ? formatPrice(s.priceCents, s.currency, locale) : t('services.noPrice')}</td>
          <td>{s.staffIds.length > 0 ? s.staffIds.map(staffName).join(', ') : t('services.nobody')}</td>
          <td>
            {s.active ? t('common.active') : t('common.inactive')}
            {s.requiresApproval && <span className="block muted">{t('services.needsApproval')}</span>}
          </td>
        </>
      )}
      editLabel={(s) => t('services.editNamed', { name: s.name })}
      onEdit={setEditing}
    />
  );
}
