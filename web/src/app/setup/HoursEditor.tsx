import { type FormEvent, useEffect, useId, useState } from 'react';
import { useLocale } from '../../components/useLocale';
import { formatWeekday } from '../../lib/time';
import { deskErrorKey } from '../calendar/booking-status';
import { addDays } from '../calendar/zoned-time';
import { type DeskStaff, setupApi } from './setup-api';
import { type Interval, type WeekGrid, WEEKDAYS, fromWeekGrid, gridIsValid, intervalProblems, nextInterval, toWeekGrid } from './working-hours';

/** A Monday, to name weekdays in the chosen language. */
const A_MONDAY = '2027-03-01';

/** The weekly grid: each day any number of intervals (a break is the gap between two), or none for a day off. */
export function HoursEditor({ person }: { person: DeskStaff }) {
  const { t, locale } = useLocale('desk');
  const id = useId();
  const [grid, setGrid] = useState<WeekGrid | null>(null);
  const [zone, setZone] = useState(person.timeZone);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  useEffect(() => {
    let current = true;
    setupApi
      .hours(person.id)
      .then((answer) => {
        if (!current) return;
        setGrid(toWeekGrid(answer.hours));
        setZone(answer.timeZone);
      })
      .catch((e: unknown) => {
        if (current) setMessage({ kind: 'error', text: t(deskErrorKey(e)) });
      });
    return () => {
      current = false;
    };
  }, [person.id, t]);

  const change = (day: number, next: Interval[]) => {
    setMessage(null);
    setGrid((g) => (g ? g.map((d, i) => (i === day ? next : d)) : g));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!grid || !gridIsValid(grid)) return;
    setBusy(true);
    setMessage(null);
    try {
      const saved = await setupApi.saveHours(person.id, fromWeekGrid(grid));
      setGrid(toWeekGrid(saved.hours));
      setZone(saved.timeZone);
      setMessage({ kind: 'success', text: t('hours.saved') });
    } catch (err) {
      setMessage({ kind: 'error', text: t(deskErrorKey(err)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel hours-editor" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('hours.weekly', { name: person.name })}</h2>
      <p className="muted">{t('hours.intro', { zone })}</p>
      {grid === null ? (
        !message && (
          <p className="muted" role="status">
            {t('common.loading')}
          </p>
        )
      ) : (
        <>
          <ul className="week-hours">
            {WEEKDAYS.map((weekday, i) => {
              const day = grid[i] ?? [];
              const dayName = formatWeekday(addDays(A_MONDAY, i), locale);
              const fullDayName = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long' }).format(Date.parse(`${addDays(A_MONDAY, i)}T00:00:00Z`));
              const problems = intervalProblems(day);
              return (
                <li key={weekday} className="weekday-row" data-weekday={weekday}>
                  <h3 className="weekday-name">
                    <span aria-hidden="true">{dayName}</span>
                    <span className="visually-hidden">{fullDayName}</span>
                  </h3>
                  <div className="weekday-intervals">
                    {day.length === 0 && <p className="muted day-closed">{t('hours.closed')}</p>}
                    {day.map((iv, j) => {
                      const key = `${id}-${weekday}-${j}`;
                      const problem = problems[j];
                      const update = (part: Partial<Interval>) => change(i, day.map((x, k) => (k === j ? { ...x, ...part } : x)));
                      return (
                        <fieldset key={key} className="interval" aria-describedby={problem ? `${key}-problem` : undefined}>
                          <legend className="visually-hidden">{t('hours.intervalOf', { day: fullDayName, n: j + 1 })}</legend>
                          <label htmlFor={`${key}-start`} className="visually-hidden">
                            {t('hours.startOf', { day: fullDayName, n: j + 1 })}
                          </label>
                          <input id={`${key}-start`} type="time" step={300} required value={iv.start} aria-invalid={problem !== null} onChange={(e) => update({ start: e.target.value })} />
                          <span aria-hidden="true">–</span>
                          <label htmlFor={`${key}-end`} className="visually-hidden">
                            {t('hours.endOf', { day: fullDayName, n: j + 1 })}
                          </label>
                          <input
                            id={`${key}-end`}
                            type="time"
                            step={300}
                            required
                            value={iv.end === '24:00' ? '23:59' : iv.end}
                            aria-invalid={problem !== null}
                            onChange={(e) => update({ end: e.target.value === '23:59' ? '24:00' : e.target.value })}
                          />
                          <button type="button" className="button-secondary button-small" onClick={() => change(i, day.filter((_, k) => k !== j))}>
                            {t('hours.remove')}
                            <span className="visually-hidden"> {t('hours.intervalOf', { day: fullDayName, n: j + 1 })}</span>
                          </button>
                          {problem && (
                            <p className="field-error" id={`${key}-problem`}>
                              {t(`hours.problems.${problem}`)}
                            </p>
                          )}
                        </fieldset>
                      );
                    })}
                    <button type="button" className="link-button add-interval" onClick={() => change(i, [...day, nextInterval(day)])}>
                      {day.length === 0 ? t('hours.addHours') : t('hours.addAfterBreak')}
                      <span className="visually-hidden"> {fullDayName}</span>
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
          {message && (
            <p className={message.kind === 'error' ? 'notice notice-error' : 'notice notice-success'} role={message.kind === 'error' ? 'alert' : 'status'}>
              {message.text}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="button-primary" disabled={busy || !gridIsValid(grid)}>
              {t('hours.save')}
            </button>
          </div>
        </>
      )}
      {grid === null && message && (
        <p className="notice notice-error" role="alert">
          {message.text}
        </p>
      )}
    </form>
  );
}
