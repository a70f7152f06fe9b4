import { type FormEvent, useId, useRef, useState } from 'react';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useLocale } from '../../components/useLocale';
import { allTimeZones, detectTimeZone } from '../../lib/time';
import { deskErrorKey } from '../calendar/booking-status';
import { type DeskService, type DeskStaff, type OrgMember, type StaffInput, setupApi } from './setup-api';

interface Props {
  person: DeskStaff | null;
  services: readonly DeskService[];
  members: readonly OrgMember[];
  onCancel(): void;
  onSaved(): void;
}

/** Add or change a staff member: name, time zone, work email and phone, linked account, services offered. */
export function StaffForm({ person, services, members, onCancel, onSaved }: Props) {
  const { t } = useLocale('desk');
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  const [form, setForm] = useState<StaffInput>(() => {
    if (!person) return { name: '', timeZone: detectTimeZone(), active: true, userId: null, email: null, phone: null, serviceIds: [] };
    const { id: _id, ...rest } = person;
    return rest;
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const zones = allTimeZones();
  const set = <K extends keyof StaffInput>(key: K, value: StaffInput[K]) => setForm((f) => ({ ...f, [key]: value }));
  const linkedElsewhere = form.userId !== null && !members.some((m) => m.userId === form.userId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body: StaffInput = { ...form, name: form.name.trim(), email: form.email?.trim() || null, phone: form.phone?.trim() || null };
    try {
      if (person) await setupApi.updateStaff(person.id, body);
      else await setupApi.createStaff(body);
      onSaved();
    } catch (err) {
      setError(t(deskErrorKey(err)));
      setBusy(false);
    }
  };

  return (
    <form className="panel form setup-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1} ref={heading}>
        {person ? t('staff.editNamed', { name: person.name }) : t('staff.add')}
      </h2>
      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('staff.name')}</label>
          <input id={`${id}-name`} required maxLength={120} value={form.name} onChange={(e) => set('name', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-zone`}>{t('staff.timeZone')}</label>
          <select id={`${id}-zone`} value={form.timeZone} onChange={(e) => set('timeZone', e.target.value)}>
            {(zones.includes(form.timeZone) ? zones : [form.timeZone, ...zones]).map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('staff.email')}</label>
          <input id={`${id}-email`} type="email" maxLength={254} autoComplete="off" value={form.email ?? ''} onChange={(e) => set('email', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-phone`}>{t('staff.phone')}</label>
          <input id={`${id}-phone`} type="tel" maxLength={40} autoComplete="off" value={form.phone ?? ''} onChange={(e) => set('phone', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-user`}>{t('staff.account')}</label>
          <select id={`${id}-user`} aria-describedby={`${id}-user-hint`} value={form.userId ?? ''} onChange={(e) => set('userId', e.target.value || null)}>
            <option value="">{t('staff.noAccount')}</option>
            {linkedElsewhere && form.userId && <option value={form.userId}>{t('staff.linked')}</option>}
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {t('staff.member', { name: m.name || m.email, email: m.email, role: m.role })}
              </option>
            ))}
          </select>
          <p className="hint" id={`${id}-user-hint`}>
            {t('staff.accountHint')}
          </p>
        </div>
      </div>
      <div className="field-check">
        <input id={`${id}-active`} type="checkbox" checked={form.active} onChange={(e) => set('active', e.target.checked)} />
        <label htmlFor={`${id}-active`}>{t('staff.activeLabel')}</label>
      </div>
      <fieldset className="fieldset">
        <legend>{t('staff.services')}</legend>
        {services.length === 0 && <p className="muted">{t('staff.noServicesYet')}</p>}
        {services.map((s) => (
          <div className="field-check" key={s.id}>
            <input
              id={`${id}-service-${s.id}`}
              type="checkbox"
              checked={form.serviceIds.includes(s.id)}
              onChange={(e) => set('serviceIds', e.target.checked ? [...form.serviceIds, s.id] : form.serviceIds.filter((x) => x !== s.id))}
            />
            <label htmlFor={`${id}-service-${s.id}`}>{s.name}</label>
          </div>
        ))}
      </fieldset>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
