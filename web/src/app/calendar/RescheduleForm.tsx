import { type FormEvent, useEffect, useState } from 'react';
import { api as publicApi } from '../../api/client';
import type { Slot, StaffRef } from '../../api/types';
import { useLocale } from '../../components/useLocale';
import { formatDateTime } from '../../lib/time';
import type { DeskBooking } from './bookings-api';
import { SlotChooser } from './SlotChooser';
import { DateField, StaffSelect } from './SlotFields';
import { wallTime } from './zoned-time';

interface Props {
  booking: DeskBooking;
  zone: string;
  orgSlug: string;
  busy: boolean;
  onBack(): void;
  onPick(start: string, staffId: string | null): void;
}

/** Move a booking: a day, the same or another staff member, then one of the free times. */
export function RescheduleForm({ booking, zone, orgSlug, busy, onBack, onPick }: Props) {
  const { t, locale } = useLocale('desk');
  const [date, setDate] = useState(() => wallTime(booking.start, zone).date);
  const [staffId, setStaffId] = useState<string | null>(booking.staffId);
  const [staffOptions, setStaffOptions] = useState<StaffRef[]>([{ id: booking.staffId, name: booking.staffName }]);
  const [slot, setSlot] = useState<Slot | null>(null);

  useEffect(() => {
    let current = true;
    publicApi
      .services(orgSlug)
      .then((list) => {
        const service = list.services.find((s) => s.id === booking.serviceId);
        if (current && service && service.staff.length > 0) setStaffOptions(service.staff);
      })
      .catch(() => {
        // The booking's own staff member stays the one choice.
      });
    return () => {
      current = false;
    };
  }, [orgSlug, booking.serviceId]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (slot) onPick(slot.start, staffId ?? slot.staffIds[0] ?? null);
  };

  return (
    <form className="form reschedule-form" onSubmit={submit} aria-label={t('reschedule.title')}>
      <h3>{t('reschedule.title')}</h3>
      <div className="field-row">
        <DateField
          label={t('reschedule.date')}
          value={date}
          onChange={(d) => {
            setDate(d);
            setSlot(null);
          }}
        />
        <StaffSelect
          label={t('reschedule.staff')}
          value={staffId}
          options={staffOptions}
          onChange={(id) => {
            setStaffId(id);
            setSlot(null);
          }}
        />
      </div>
      <SlotChooser orgSlug={orgSlug} serviceId={booking.serviceId} staffId={staffId} zone={zone} date={date} selected={slot?.start ?? null} onSelect={setSlot} exclude={booking.start} />
      {slot && <p role="status">{t('reschedule.chosen', { time: formatDateTime(slot.start, zone, locale) })}</p>}
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy || !slot}>
          {t('reschedule.confirm')}
        </button>
        <button type="button" className="button-secondary" onClick={onBack}>
          {t('common.back')}
        </button>
      </div>
    </form>
  );
}
