import { useEffect, useMemo, useRef, useState } from 'react';
import type { Slot } from '../api/types';
import { useLocale } from '../components/useLocale';
import { nearestAlternatives } from '../lib/alternatives';
import { addMonths, monthOf } from '../lib/calendar';
import { formatDateTime, formatPlainDate, formatTime, localDateOf, todayIn } from '../lib/time';
import { MonthCalendar } from './MonthCalendar';
import { useSlots } from './useSlots';

export type PickOutcome = 'ok' | 'taken';

interface Props {
  org: string;
  serviceId: string;
  staffId: string | null;
  zone: string;
  /** Called with the chosen time; 'taken' when someone else was faster. */
  onPick(slot: Slot): Promise<PickOutcome>;
  /** A time that was just refused, to explain and offer the nearest others. */
  takenStart?: string | null;
}

/** Day, then time: the calendar and the free times of the chosen day, kept live. */
export function SlotPicker({ org, serviceId, staffId, zone, onPick, takenStart = null }: Props) {
  const { t, locale } = useLocale();
  const firstMonth = monthOf(todayIn(zone));
  const [month, setMonth] = useState(takenStart ? monthOf(localDateOf(takenStart)) : firstMonth);
  const [date, setDate] = useState<string | null>(null);
  const [taken, setTaken] = useState<string | null>(takenStart);
  const [busy, setBusy] = useState(false);
  const skipped = useRef(0);
  const { slots, loading, failed, refresh } = useSlots({ org, serviceId, staffId, zone, month });
  const alertRef = useRef<HTMLDivElement>(null);

  const byDate = useMemo(() => {
    const map = new Map<string, Slot[]>();
    for (const s of slots) {
      const d = localDateOf(s.start);
      map.set(d, [...(map.get(d) ?? []), s]);
    }
    return map;
  }, [slots]);
  const counts = useMemo(() => new Map([...byDate].map(([d, list]) => [d, list.length])), [byDate]);

  // A month without any free time moves on by itself, twice at most, so the first look shows times.
  useEffect(() => {
    if (loading || failed) return;
    if (slots.length === 0 && skipped.current < 2 && !taken) {
      skipped.current++;
      setMonth((m) => addMonths(m, 1));
      return;
    }
    if ((date === null || monthOf(date) !== month) && slots[0]) setDate(localDateOf(slots[0].start));
  }, [loading, failed, slots, date, month, taken]);

  useEffect(() => {
    if (taken) alertRef.current?.focus();
  }, [taken]);

  const wanted = taken ? Date.parse(taken) : null;
  const alternatives = taken ? nearestAlternatives(slots.filter((s) => Date.parse(s.start) !== wanted), taken) : [];
  const dayTimes = date ? (byDate.get(date) ?? []) : [];

  const pick = async (slot: Slot) => {
    setBusy(true);
    try {
      const outcome = await onPick(slot);
      if (outcome === 'taken') {
        await refresh();
        setDate(localDateOf(slot.start));
        setTaken(slot.start);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="slot-picker">
      {taken && (
        <div className="notice notice-warn" role="alert" tabIndex={-1} ref={alertRef}>
          <p className="notice-title">{t('slots.justTaken', { time: formatDateTime(taken, zone, locale) })}</p>
          {alternatives.length > 0 ? (
            <>
              <p>{t('slots.nearest')}</p>
              <ul className="times alternatives">
                {alternatives.map((s) => (
                  <li key={s.start}>
                    <button type="button" className="time" disabled={busy} onClick={() => void pick(s)}>
                      {formatDateTime(s.start, zone, locale)}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('slots.noneNearby')}</p>
          )}
        </div>
      )}
      <div className="picker-columns">
        <MonthCalendar
          month={month}
          firstMonth={firstMonth}
          counts={counts}
          selected={date}
          onMonth={(m) => {
            skipped.current = 2;
            setMonth(m);
            setDate(null);
          }}
          onSelect={setDate}
        />
        <div className="day-times">
          {failed && (
            <p className="notice notice-error" role="alert">
              {t('slots.loadFailed')}
            </p>
          )}
          {loading && slots.length === 0 ? (
            <p className="muted" role="status">
              {t('slots.loading')}
            </p>
          ) : date ? (
            <>
              <h3 className="times-title">{t('slots.timesOn', { date: formatPlainDate(date, locale) })}</h3>
              {dayTimes.length === 0 ? (
                <p className="muted">{t('slots.dayGone')}</p>
              ) : (
                <ul className="times" aria-label={t('slots.timesOn', { date: formatPlainDate(date, locale) })}>
                  {dayTimes.map((s) => (
                    <li key={s.start}>
                      <button type="button" className="time" data-start={s.start} disabled={busy} onClick={() => void pick(s)}>
                        {formatTime(s.start, zone, locale)}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : (
            <p className="muted">{t('slots.noneThisMonth')}</p>
          )}
        </div>
      </div>
    </div>
  );
}
