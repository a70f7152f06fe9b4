import { type FormEvent, useEffect, useId, useState } from 'react';
import { api as publicApi } from '../../api/client';
import type { Service, Slot } from '../../api/types';
import { useLocale } from '../../components/useLocale';
import { formatDateTime } from '../../lib/time';
import { bookingsApi } from './bookings-api';
import { deskErrorKey } from './booking-status';
import { Dialog } from './Dialog';
import { SlotChooser } from './SlotChooser';
import { DateField, StaffSelect } from './SlotFields';

interface Props {
  orgSlug: string;
  zone: string;
  date: string;
  staffId: string | null;
  onClose(): void;
  onCreated(): void;
}

/** A booking taken on the phone: service, staff member or anyone, a free time, the customer's details. */
export function NewBookingDialog({ orgSlug, zone, date: initialDate, staffId: initialStaff, onClose, onCreated }: Props) {
  const { t, locale, language } = useLocale('desk');
  const ids = { service: useId(), name: useId(), email: useId(), phone: useId(), notes: useId(), language: useId(), sms: useId() };
  const [services, setServices] = useState<Service[] | null>(null);
  const [serviceId, setServiceId] = useState('');
  const [staffId, setStaffId] = useState<string | null>(initialStaff);
  const [date, setDate] = useState(initialDate);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [notes, setNotes] = useState('');
  const [customerLanguage, setCustomerLanguage] = useState<'en' | 'zh-CN'>(language === 'zh-CN' ? 'zh-CN' : 'en');
  const [sms, setSms] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    publicApi
      .services(orgSlug)
      .then((list) => {
        if (!current) return;
        setServices(list.services);
        const first = list.services.find((s) => !initialStaff || s.staff.some((p) => p.id === initialStaff)) ?? list.services[0];
        if (first) setServiceId(first.id);
      })
      .catch((e: unknown) => {
        if (current) setError(t(deskErrorKey(e)));
      });
    return () => {
      current = false;
    };
  }, [orgSlug, initialStaff, t]);

  const service = services?.find((s) => s.id === serviceId) ?? null;
  const staffOptions = service?.staff ?? [];
  const chosenStaff = staffId && staffOptions.some((s) => s.id === staffId) ? staffId : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!slot || !service) return;
    setBusy(true);
    setError(null);
    try {
      await bookingsApi.create({
        serviceId: service.id,
        start: slot.start,
        ...(chosenStaff ? { staffId: chosenStaff } : {}),
        timeZone: zone,
        customer: { name: name.trim(), email: email.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}) },
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        locale: customerLanguage,
        smsReminders: sms && phone.trim() !== '',
      });
      onCreated();
    } catch (err) {
      setError(t(deskErrorKey(err)));
      setSlot(null);
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('newBooking.title')} onClose={onClose} className="new-booking">
      <form className="form" onSubmit={submit}>
        <div className="field-row">
          <div className="field">
            <label htmlFor={ids.service}>{t('newBooking.service')}</label>
            <select
              id={ids.service}
              required
              value={serviceId}
              onChange={(e) => {
                setServiceId(e.target.value);
                setSlot(null);
              }}
            >
              {(services ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <StaffSelect
            label={t('newBooking.staff')}
            value={chosenStaff}
            options={staffOptions}
            onChange={(id) => {
              setStaffId(id);
              setSlot(null);
            }}
          />
          <DateField
            label={t('newBooking.date')}
            value={date}
            onChange={(d) => {
              setDate(d);
              setSlot(null);
            }}
          />
        </div>
        {service && <SlotChooser orgSlug={orgSlug} serviceId={service.id} staffId={chosenStaff} zone={zone} date={date} selected={slot?.start ?? null} onSelect={setSlot} />}
        {slot && <p role="status">{t('newBooking.chosen', { time: formatDateTime(slot.start, zone, locale) })}</p>}

        <fieldset className="fieldset">
          <legend>{t('newBooking.customer')}</legend>
          <div className="field">
            <label htmlFor={ids.name}>{t('newBooking.name')}</label>
            <input id={ids.name} required maxLength={200} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={ids.email}>{t('newBooking.email')}</label>
            <input id={ids.email} type="email" required maxLength={254} autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={ids.phone}>{t('newBooking.phone')}</label>
            <input id={ids.phone} type="tel" maxLength={40} autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} />
          </div>
          <div className="field-check">
            <input id={ids.sms} type="checkbox" checked={sms} disabled={phone.trim() === ''} onChange={(e) => setSms(e.target.checked)} />
            <label htmlFor={ids.sms}>{t('newBooking.sms')}</label>
          </div>
          <div className="field">
            <label htmlFor={ids.language}>{t('newBooking.language')}</label>
            <select id={ids.language} value={customerLanguage} onChange={(e) => setCustomerLanguage(e.target.value === 'zh-CN' ? 'zh-CN' : 'en')}>
              <option value="en" lang="en">
                {t('languages.en')}
              </option>
              <option value="zh-CN" lang="zh-CN">
                {t('languages.zh-CN')}
              </option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.notes}>{t('newBooking.notes')}</label>
            <textarea id={ids.notes} rows={3} maxLength={2000} value={notes} onChange={(e) => setNotes(e.target.value)} />
          </div>
        </fieldset>

        {error && (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy || !slot}>
            {t('newBooking.submit')}
          </button>
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
