import type { FormEvent } from 'react';
import { useLocale } from '../../components/useLocale';
import { allTimeZones, detectTimeZone } from '../../lib/time';
import { type DeskService, type DeskStaff, type OrgMember, type StaffInput, setupApi } from './setup-api';
import { IdChecklist, SetupFormEnd, useSetupForm } from './setup-form';

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
  const { id, heading, form, set, busy, error, save } = useSetupForm<StaffInput>(() => {
    if (!person) return { name: '', timeZone: detectTimeZone(), active: true, userId: null, email: null, phone: null, serviceIds: [] };
    const { id: _id, ...rest } = person;
    return rest;
  }, onSaved);
  const zones = allTimeZones();
  const linkedElsewhere = form.userId !== null && !members.some((m) => m.userId === form.userId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: StaffInput = { ...form, name: form.name.trim(), email: form.email?.trim() || null, phone: form.phone?.trim() || null };
    await save(() => (person ? setupApi.updateStaff(person.id, body) : setupApi.createStaff(body)));
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
      <IdChecklist
        idPrefix={`${id}-service`}
        legend={t('staff.services')}
        emptyLabel={t('staff.noServicesYet')}
        options={services}
        selected={form.serviceIds}
        onChange={(ids) => set('serviceIds', ids)}
      />
      <SetupFormEnd error={error} saveDisabled={busy} onCancel={onCancel} />
    </form>
  );
}
