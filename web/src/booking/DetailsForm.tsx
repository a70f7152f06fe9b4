import { type FormEvent, useRef, useState } from 'react';
import { ApiError, api } from '../api/client';
import type { BookingCreated, Hold, Service } from '../api/types';
import { StepSection } from '../components/StepSection';
import { useLocale } from '../components/useLocale';
import { type DetailsErrors, type DetailsField, type DetailsInput, checkDetails, emptyDetails, fieldOfPath } from '../lib/details';
import { formatTime } from '../lib/time';
import { BookingSummary } from './BookingSummary';
import { PRIVACY_NOTICE_VERSION } from './privacy';

interface Props {
  org: string;
  orgName: string;
  service: Service;
  staffName: string | null;
  /** The staff member the customer asked for; null for anyone. */
  requestedStaffId: string | null;
  hold: Hold;
  idempotencyKey: string;
  zone: string;
  businessZone: string;
  onBooked(result: BookingCreated): void;
  onTaken(start: string): void;
  onBack(): void;
}

const FIELDS: DetailsField[] = ['name', 'email', 'phone', 'notes', 'consent'];

export function DetailsForm(p: Props) {
  const { t, language, locale } = useLocale();
  const [values, setValues] = useState<DetailsInput>(emptyDetails);
  const [errors, setErrors] = useState<DetailsErrors>({});
  const [touched, setTouched] = useState<Partial<Record<DetailsField, boolean>>>({});
  const [smsReminders, setSmsReminders] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const inputs = useRef<Partial<Record<DetailsField, HTMLInputElement | HTMLTextAreaElement | null>>>({});

  const set = (field: DetailsField, value: string | boolean) => {
    const next = { ...values, [field]: value };
    setValues(next);
    if (touched[field] || errors[field]) setErrors(onlyTouched(checkDetails(next), { ...touched, [field]: true }));
  };
  const blur = (field: DetailsField) => {
    const nextTouched = { ...touched, [field]: true };
    setTouched(nextTouched);
    setErrors(onlyTouched(checkDetails(values), nextTouched));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = checkDetails(values);
    setTouched(Object.fromEntries(FIELDS.map((f) => [f, true])));
    setErrors(found);
    const first = FIELDS.find((f) => found[f]);
    if (first) {
      inputs.current[first]?.focus();
      return;
    }
    setSending(true);
    setFailure(null);
    try {
      const result = await api.book(
        p.org,
        {
          serviceId: p.service.id,
          start: p.hold.start,
          staffId: p.requestedStaffId,
          timeZone: p.zone,
          customer: { name: values.name.trim(), email: values.email.trim(), phone: values.phone.trim() || null },
          notes: values.notes.trim() || null,
          consent: { privacyNoticeVersion: PRIVACY_NOTICE_VERSION },
          holdToken: p.hold.holdToken,
          locale: language === 'zh-CN' ? 'zh-CN' : 'en',
          // Only with a phone number: the checkbox is hidden (and ignored) without one.
          smsReminders: smsReminders && values.phone.trim() !== '',
        },
        p.idempotencyKey,
      );
      p.onBooked(result);
    } catch (error) {
      setSending(false);
      if (error instanceof ApiError && error.code === 'slot_unavailable') {
        p.onTaken(p.hold.start);
        return;
      }
      if (error instanceof ApiError && error.code === 'invalid_request') {
        const serverErrors: DetailsErrors = {};
        for (const d of error.details) {
          const field = fieldOfPath(d.path);
          if (field) serverErrors[field] = 'validation.refused';
        }
        setErrors(serverErrors);
        const firstRefused = FIELDS.find((f) => serverErrors[f]);
        if (firstRefused) {
          inputs.current[firstRefused]?.focus();
          return;
        }
      }
      setFailure(error instanceof ApiError && error.code === 'network_error' ? 'errors.network' : 'errors.bookingFailed');
    }
  };

  /** What every text field shares: value, change and blur handlers, and its error and hint wiring. */
  const bind = (field: 'name' | 'email' | 'phone' | 'notes', hint = false) => ({
    id: field,
    value: values[field],
    ref: (el: HTMLInputElement | HTMLTextAreaElement | null) => {
      inputs.current[field] = el;
    },
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': [hint ? `${field}-hint` : null, errors[field] ? `${field}-error` : null].filter(Boolean).join(' ') || undefined,
    onChange: (e: { target: { value: string } }) => set(field, e.target.value),
    onBlur: () => blur(field),
  });
  const error = (field: DetailsField) =>
    errors[field] ? (
      <p id={`${field}-error`} className="field-error">
        {t(errors[field] as string)}
      </p>
    ) : null;
  const label = (field: DetailsField, text: string, optional = false) => (
    <label htmlFor={field}>
      {text}
      {optional && <span className="muted"> {t('details.optional')}</span>}
    </label>
  );
  const hint = (field: DetailsField, text: string) => (
    <p id={`${field}-hint`} className="hint">
      {text}
    </p>
  );

  return (
    <StepSection heading={t('details.heading')}>
      <BookingSummary
        serviceName={p.service.name}
        durationMin={p.service.durationMin}
        staffName={p.staffName}
        start={p.hold.start}
        end={p.hold.end}
        zone={p.zone}
        businessZone={p.businessZone}
      />
      <p className="notice notice-info">{t('details.held', { time: formatTime(p.hold.expiresAt, p.zone, locale) })}</p>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <div className="field">
          {label('name', t('details.name'))}
          <input {...bind('name')} autoComplete="name" required maxLength={200} />
          {error('name')}
        </div>
        <div className="field">
          {label('email', t('details.email'))}
          <input {...bind('email')} type="email" autoComplete="email" inputMode="email" required maxLength={254} />
          {error('email')}
        </div>
        <div className="field">
          {label('phone', t('details.phone'), true)}
          <input {...bind('phone', true)} type="tel" autoComplete="tel" maxLength={32} />
          {hint('phone', t('details.phoneHint'))}
          {error('phone')}
        </div>
        {values.phone.trim() !== '' && (
          <div className="field field-check">
            <input id="sms-reminders" type="checkbox" checked={smsReminders} onChange={(e) => setSmsReminders(e.target.checked)} />
            <label htmlFor="sms-reminders">{t('details.smsReminders')}</label>
          </div>
        )}
        <div className="field">
          {label('notes', t('details.notes'), true)}
          <textarea {...bind('notes', true)} rows={3} maxLength={2000} />
          {hint('notes', t('details.notesHint'))}
          {error('notes')}
        </div>
        <section className="privacy" aria-labelledby="privacy-heading">
          <h3 id="privacy-heading">{t('privacy.heading', { version: PRIVACY_NOTICE_VERSION })}</h3>
          <p>{t('privacy.body', { business: p.orgName })}</p>
        </section>
        <div className="field field-check">
          <input
            id="consent"
            type="checkbox"
            ref={(el) => {
              inputs.current.consent = el;
            }}
            checked={values.consent}
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={errors.consent ? 'consent-error' : undefined}
            onChange={(e) => set('consent', e.target.checked)}
            onBlur={() => blur('consent')}
          />
          <label htmlFor="consent">{t('privacy.consent', { business: p.orgName, version: PRIVACY_NOTICE_VERSION })}</label>
          {error('consent')}
        </div>
        {failure && (
          <p className="notice notice-error" role="alert">
            {t(failure)}
          </p>
        )}
        <div className="actions">
          <button type="button" className="button-secondary" onClick={p.onBack}>
            {t('common.back')}
          </button>
          <button type="submit" className="button-primary" disabled={sending}>
            {sending ? t('details.sending') : p.service.requiresApproval ? t('details.request') : t('details.book')}
          </button>
        </div>
      </form>
    </StepSection>
  );
}

function onlyTouched(errors: DetailsErrors, touched: Partial<Record<DetailsField, boolean>>): DetailsErrors {
  return Object.fromEntries(Object.entries(errors).filter(([f]) => touched[f as DetailsField]));
}
