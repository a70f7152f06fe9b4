import { type FormEvent, useState } from 'react';
import { useLocale } from '../../components/useLocale';
import { priceToCents } from './price';
import { type DeskService, type DeskStaff, type ServiceInput, setupApi } from './setup-api';
import { IdChecklist, SetupFormEnd, useSetupForm } from './setup-form';

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
  const { id, heading, form, set, busy, error, save } = useSetupForm<ServiceInput>(() => {
    if (!service) return EMPTY;
    const { id: _id, ...rest } = service;
    return rest;
  }, onSaved);
  const [price, setPrice] = useState(service?.priceCents != null ? (service.priceCents / 100).toFixed(2) : '');
  const cents = priceToCents(price);
  const priceInvalid = Number.isNaN(cents) || (cents !== null && !/^[A-Z]{3}$/.test(form.currency ?? ''));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (priceInvalid) return;
    const body: ServiceInput = { ...form, name: form.name.trim(), priceCents: cents, currency: cents === null ? null : form.currency };
    await save(() => (service ? setupApi.updateService(service.id, body) : setupApi.createService(body)));
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
      <IdChecklist
        idPrefix={`${id}-staff`}
        legend={t('services.staff')}
        emptyLabel={t('services.noStaffYet')}
        options={staff}
        selected={form.staffIds}
        onChange={(ids) => set('staffIds', ids)}
      />
      <SetupFormEnd error={error} saveDisabled={busy || priceInvalid} onCancel={onCancel} />
    </form>
  );
}
