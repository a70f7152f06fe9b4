import { useCallback, useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useLocale } from '../../components/useLocale';
import { deskErrorKey } from '../calendar/booking-status';
import { HoursEditor } from './HoursEditor';
import { OverridesEditor } from './OverridesEditor';
import { type DeskStaff, setupApi } from './setup-api';
import './setup.css';

/** One staff member's weekly hours (with breaks) and their days off and special hours. */
export function HoursPage() {
  const { t } = useLocale('desk');
  const pickId = useId();
  const [params, setParams] = useSearchParams();
  const [staff, setStaff] = useState<DeskStaff[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setStaff(await setupApi.staff());
      setError(null);
    } catch (e) {
      setError(t(deskErrorKey(e)));
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  const chosen = staff?.find((p) => p.id === params.get('staff')) ?? staff?.[0] ?? null;

  return (
    <div className="setup-page">
      <h1 className="page-title">{t('hours.title')}</h1>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {staff !== null && staff.length === 0 && <p className="muted">{t('staff.none')}</p>}
      {staff !== null && staff.length > 0 && (
        <div className="field hours-staff">
          <label htmlFor={pickId}>{t('hours.staff')}</label>
          <select id={pickId} value={chosen?.id ?? ''} onChange={(e) => setParams({ staff: e.target.value }, { replace: true })}>
            {staff.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {chosen && (
        <>
          <HoursEditor key={`hours-${chosen.id}`} person={chosen} />
          <OverridesEditor key={`overrides-${chosen.id}`} person={chosen} />
        </>
      )}
    </div>
  );
}
