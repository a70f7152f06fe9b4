import { type FormEvent, useId, useRef, useState } from 'react';
import { useLocale } from '../../components/useLocale';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { deskErrorKey } from '../calendar/booking-status';
import { priceToCents } from './price';
import { type DeskService, type DeskStaff, type ServiceInput, setupApi } from './setup-api';

interface Props {
  service: DeskService | null;
  staff: readonly DeskStaff[];
  onCancel(): void;
  onSaved(): void;
}

const EMPTY: ServiceInput = {
  name: '',
  description: '',
  durationMin: 30,
  priceCents: null,
  currency: null,
  bufferBeforeMin: 0,
  bufferAfterMin: 0,
  slotIntervalMin: 30,
  minNoticeMin: 60,
  maxAdvanceDays: 90,
  capacity: 1,
  requiresApproval: false,
  cutoffMin: 120,
  active: true,
  staffIds: [],
};

type NumberField = 'durationMin' | 'bufferBeforeMin' | 'bufferAfterMin' | 'slotIntervalMin' | 'minNoticeMin' | 'capacity' | 'cutoffMin';
const NUMBER_FIELDS: { key: NumberField; min: number; max: number }[] = [
  { key: 'durationMin', min: 5, max: 1440 },
  { key: 'slotIntervalMin', min: 5, max: 1440 },
  { key: 'bufferBeforeMin', min: 0, max: 240 },
  { key: 'bufferAfterMin', min: 0, max: 240 },
  { key: 'minNoticeMin', min: 0, max: 60 * 24 * 60 },
  { key: 'cutoffMin', min: 0, max: 60 * 24 * 60 },
  { key: 'capacity', min: 1, max: 500 },
];

/** Add or change a service: what it is, how long, its price, its booking rules and who offers it. */
export function ServiceForm({ service, staff, onCancel, onSaved }: Props) {
  const { t } = useLocale('desk');
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  const [form, setForm] = useState<ServiceInput>(() => {
    if (!service) return EMPTY;
    const { id: _id, ...rest } = service;
    return rest;
  });
  const [price, setPrice] = useState(service?.priceCents != null ? (service.priceCents / 100).toFixed(2) : '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cents = priceToCents(price);
  const priceInvalid = Number.isNaN(cents) || (cents !== null && !/^[A-Z]{3}$/.test(form.currency ?? ''));

  const set = <K extends keyof ServiceInput>(key: K, value: ServiceInput[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (priceInvalid) return;
    setBusy(true);
    setError(null);
    const body: ServiceInput = { ...form, name: form.name.trim(), priceCents: cents, currency: cents === null ? null : form.currency };
    try {
      if (service) await setupApi.updateService(service.id, body);
      else await setupApi.createService(body);
      onSaved();
    } catch (err) {
      setError(t(deskErrorKey(err)));
      setBusy(false);
    }
  };

  return (
    <form className="panel form setup-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1} ref={heading}>
        {service ? t('services.editNamed', { name: service.name }) : t('services.add')}
      </h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('services.name')}</label>
        <input id={`${id}-name`} required maxLength={120} value={form.name} onChange={(e) => set('name', e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('services.description')}</label>
        <textarea id={`${id}-description`} rows={2} maxLength={1000} value={form.description} onChange={(e) => set('description', e.target.value)} />
      </div>
      <div className="field-grid">
        {NUMBER_FIELDS.map((f) => (
          <div className="field" key={f.key}>
            <label htmlFor={`${id}-${f.key}`}>{t(`services.fields.${f.key}`)}</label>
            <input
              id={`${id}-${f.key}`}
              type="number"
              inputMode="numeric"
              required
              min={f.min}
              max={f.max}
              value={form[f.key]}
              onChange={(e) => set(f.key, Number(e.target.value))}
            />
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${id}-maxAdvance`}>{t('services.fields.maxAdvanceDays')}</label>
          <input
            id={`${id}-maxAdvance`}
            type="number"
            inputMode="numeric"
            min={1}
            max={730}
            aria-describedby={`${id}-maxAdvance-hint`}
            value={form.maxAdvanceDays ?? ''}
            onChange={(e) => set('maxAdvanceDays', e.target.value === '' ? null : Number(e.target.value))}
          />
          <p className="hint" id={`${id}-maxAdvance-hint`}>
            {t('services.maxAdvanceHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-price`}>{t('services.price')}</label>
          <input
            id={`${id}-price`}
            inputMode="decimal"
            aria-invalid={priceInvalid}
            aria-describedby={`${id}-price-hint`}
            value={price}
            onChange={(e) => setPrice(e.target.value)}
          />
          <p className="hint" id={`${id}-price-hint`}>
            {priceInvalid ? t('services.priceInvalid') : t('services.priceHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-currency`}>{t('services.currency')}</label>
          <input
            id={`${id}-currency`}
            maxLength={3}
            autoCapitalize="characters"
            value={form.currency ?? ''}
            onChange={(e) => set('currency', e.target.value.toUpperCase() || null)}
          />
        </div>
      </div>
      <div className="field-check">
        <input id={`${id}-approval`} type="checkbox" checked={form.requiresApproval} onChange={(e) => set('requiresApproval', e.target.checked)} />
        <label htmlFor={`${id}-approval`}>{t('services.requiresApproval')}</label>
      </div>
      <div className="field-check">
        <input id={`${id}-active`} type="checkbox" checked={form.active} onChange={(e) => set('active', e.target.checked)} />
        <label htmlFor={`${id}-active`}>{t('services.activeLabel')}</label>
      </div>
      <fieldset className="fieldset">
        <legend>{t('services.staff')}</legend>
        {staff.length === 0 && <p className="muted">{t('services.noStaffYet')}</p>}
        {staff.map((p) => (
          <div className="field-check" key={p.id}>
            <input
              id={`${id}-staff-${p.id}`}
              type="checkbox"
              checked={form.staffIds.includes(p.id)}
              onChange={(e) => set('staffIds', e.target.checked ? [...form.staffIds, p.id] : form.staffIds.filter((s) => s !== p.id))}
            />
            <label htmlFor={`${id}-staff-${p.id}`}>{p.name}</label>
          </div>
        ))}
      </fieldset>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy || priceInvalid}>
          {t('common.save')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
