import { useCallback, useEffect, useState } from 'react';
import { useLocale } from '../../components/useLocale';
import { formatPrice } from '../../lib/time';
import { deskErrorKey } from '../calendar/booking-status';
import { ServiceForm } from './ServiceForm';
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
    <div className="setup-page">
      <div className="setup-title-row">
        <h1 className="page-title">{t('services.title')}</h1>
        {editing === null && (
          <button type="button" className="button-primary" onClick={() => setEditing('new')}>
            {t('services.add')}
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
      )}
      {services === null ? (
        !error && (
          <p className="muted" role="status">
            {t('common.loading')}
          </p>
        )
      ) : services.length === 0 ? (
        <p className="muted">{t('services.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('services.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('services.name')}</th>
                <th scope="col">{t('services.duration')}</th>
                <th scope="col">{t('services.price')}</th>
                <th scope="col">{t('services.staff')}</th>
                <th scope="col">{t('services.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {services.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.name}</th>
                  <td>{t('common.minutes', { count: s.durationMin })}</td>
                  <td>{s.priceCents !== null && s.currency ? formatPrice(s.priceCents, s.currency, locale) : t('services.noPrice')}</td>
                  <td>{s.staffIds.length > 0 ? s.staffIds.map(staffName).join(', ') : t('services.nobody')}</td>
                  <td>
                    {s.active ? t('common.active') : t('common.inactive')}
                    {s.requiresApproval && <span className="block muted">{t('services.needsApproval')}</span>}
                  </td>
                  <td>
                    <button type="button" className="button-secondary button-small" onClick={() => setEditing(s)} aria-label={t('services.editNamed', { name: s.name })}>
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
