import { useId } from 'react';
import type { StaffRef } from '../../api/types';
import { useLocale } from '../../components/useLocale';

// The fields that lead to a free time (new booking, reschedule): changing one forgets the time chosen, so each takes onChange.

/** A staff member of the service, or anyone (null). */
export function StaffSelect({ label, value, options, onChange }: { label: string; value: string | null; options: readonly StaffRef[]; onChange(staffId: string | null): void }) {
  const { t } = useLocale('desk');
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{t('common.anyone')}</option>
        {options.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The day to look for free times on (YYYY-MM-DD). */
export function DateField({ label, value, onChange }: { label: string; value: string; onChange(date: string): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" required value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
