import { useEffect, useId, useState } from 'react';
import { api as publicApi } from '../../api/client';
import type { Slot } from '../../api/types';
import { useLocale } from '../../components/useLocale';
import { formatTime, localDateOf } from '../../lib/time';
import { deskErrorKey } from './booking-status';

interface Props {
  orgSlug: string;
  serviceId: string;
  staffId: string | null;
  zone: string;
  date: string;
  selected: string | null;
  onSelect(slot: Slot): void;
  /** Starts not to offer (the booking being moved). */
  exclude?: string | null;
}

/** The free times of one day for a service (and staff member), from the public slots API. */
export function SlotChooser({ orgSlug, serviceId, staffId, zone, date, selected, onSelect, exclude = null }: Props) {
  const { t, locale } = useLocale('desk');
  const headingId = useId();
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setSlots(null);
    setError(null);
    if (!serviceId || !date) return;
    publicApi
      .slots(orgSlug, { serviceId, staffId, from: date, to: date, timeZone: zone })
      .then((answer) => {
        if (current) setSlots(answer.slots.filter((s) => localDateOf(s.start) === date && s.start !== exclude));
      })
      .catch((e: unknown) => {
        if (current) setError(t(deskErrorKey(e)));
      });
    return () => {
      current = false;
    };
  }, [orgSlug, serviceId, staffId, zone, date, exclude, t]);

  return (
    <div className="slot-chooser">
      <h4 id={headingId}>{t('slots.freeTimes')}</h4>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : slots === null ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : slots.length === 0 ? (
        <p className="muted" role="status">
          {t('slots.none')}
        </p>
      ) : (
        <ul className="times" aria-labelledby={headingId}>
          {slots.map((s) => (
            <li key={s.start}>
              <button type="button" className="time" data-start={s.start} aria-pressed={s.start === selected} onClick={() => onSelect(s)}>
                {formatTime(s.start, zone, locale)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
