import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { useLocale } from '../../components/useLocale';
import { formatPlainDate, todayIn } from '../../lib/time';
import { deskErrorKey } from '../calendar/booking-status';
import { addDays } from '../calendar/zoned-time';
import { type DateOverride, type DeskStaff, setupApi } from './setup-api';
import { type Interval, OVERRIDE_KINDS, type OverrideKind, intervalProblems, nextInterval } from './working-hours';

/** How far ahead the list of days off and special hours looks. */
const LOOK_AHEAD_DAYS = 365;

/** Days off and special hours: the upcoming ones with a remove button, and a form to add one. */
export function OverridesEditor({ person }: { person: DeskStaff }) {
  const { t, locale } = useLocale('desk');
  const id = useId();
  const today = todayIn(person.timeZone);
  const [list, setList] = useState<DateOverride[] | null>(null);
  const [date, setDate] = useState(addDays(today, 1));
  const [kind, setKind] = useState<OverrideKind>('day_off');
  const [intervals, setIntervals] = useState<Interval[]>([{ start: '09:00', end: '13:00' }]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      const found = await setupApi.overrides(person.id, today, addDays(today, LOOK_AHEAD_DAYS));
      setList([...found].sort((a, b) => a.date.localeCompare(b.date)));
    } catch (e) {
      setMessage({ kind: 'error', text: t(deskErrorKey(e)) });
    }
  }, [person.id, today, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const problems = kind === 'day_off' ? [] : intervalProblems(intervals);
  const valid = date >= today && problems.every((p) => p === null) && (kind === 'day_off' || intervals.length > 0);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    setBusy(true);
    setMessage(null);
    try {
      await setupApi.addOverride(person.id, { date, kind, intervals: kind === 'day_off' ? [] : intervals });
      setMessage({ kind: 'success', text: t('overrides.added', { date: formatPlainDate(date, locale) }) });
      await load();
    } catch (err) {
      setMessage({ kind: 'error', text: t(deskErrorKey(err)) });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (o: DateOverride) => {
    setBusy(true);
    setMessage(null);
    try {
      await setupApi.removeOverride(person.id, o.id);
      setMessage({ kind: 'success', text: t('overrides.removed', { date: formatPlainDate(o.date, locale) }) });
      await load();
    } catch (err) {
      setMessage({ kind: 'error', text: t(deskErrorKey(err)) });
    } finally {
      setBusy(false);
    }
  };

  const times = (o: DateOverride) => o.intervals.map((iv) => `${iv.start}–${iv.end}`).join(', ');

  return (
    <section className="panel overrides" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('overrides.title', { name: person.name })}</h2>
      {list === null ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : list.length === 0 ? (
        <p className="muted">{t('overrides.none')}</p>
      ) : (
        <ul className="override-list">
          {list.map((o) => (
            <li key={o.id} data-date={o.date}>
              <span className="override-date">{formatPlainDate(o.date, locale)}</span>
              <span className="override-kind">{o.kind === 'day_off' ? t('overrides.kinds.day_off') : t(`overrides.kindsWithTimes.${o.kind}`, { times: times(o) })}</span>
              {o.note && <span className="muted override-note">{o.note}</span>}
              <button type="button" className="button-secondary button-small" disabled={busy} onClick={() => void remove(o)}>
                {t('overrides.remove')}
                <span className="visually-hidden"> {formatPlainDate(o.date, locale)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}

      <form className="form override-form" onSubmit={add} aria-labelledby={`${id}-add`}>
        <h3 id={`${id}-add`}>{t('overrides.add')}</h3>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('overrides.date')}</label>
          <input id={`${id}-date`} type="date" required min={today} value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <fieldset className="choice-row">
          <legend>{t('overrides.kind')}</legend>
          {OVERRIDE_KINDS.map((k) => (
            <label key={k}>
              <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} /> {t(`overrides.kinds.${k}`)}
            </label>
          ))}
        </fieldset>
        <p className="hint">{t(`overrides.explain.${kind}`)}</p>
        {kind !== 'day_off' && (
          <div className="override-intervals">
            {intervals.map((iv, j) => {
              const key = `${id}-iv-${j}`;
              const update = (part: Partial<Interval>) => setIntervals(intervals.map((x, k) => (k === j ? { ...x, ...part } : x)));
              return (
                <fieldset key={key} className="interval">
                  <legend className="visually-hidden">{t('overrides.interval', { n: j + 1 })}</legend>
                  <label htmlFor={`${key}-start`}>{t('overrides.from')}</label>
                  <input id={`${key}-start`} type="time" step={300} required value={iv.start} aria-invalid={problems[j] !== null} onChange={(e) => update({ start: e.target.value })} />
                  <label htmlFor={`${key}-end`}>{t('overrides.to')}</label>
                  <input id={`${key}-end`} type="time" step={300} required value={iv.end} aria-invalid={problems[j] !== null} onChange={(e) => update({ end: e.target.value })} />
                  {intervals.length > 1 && (
                    <button type="button" className="button-secondary button-small" onClick={() => setIntervals(intervals.filter((_, k) => k !== j))}>
                      {t('hours.remove')}
                      <span className="visually-hidden"> {t('overrides.interval', { n: j + 1 })}</span>
                    </button>
                  )}
                  {problems[j] && <p className="field-error">{t(`hours.problems.${problems[j]}`)}</p>}
                </fieldset>
              );
            })}
            <button type="button" className="link-button add-interval" onClick={() => setIntervals([...intervals, nextInterval(intervals)])}>
              {t('hours.addAfterBreak')}
            </button>
          </div>
        )}
        {message && (
          <p className={message.kind === 'error' ? 'notice notice-error' : 'notice notice-success'} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy || !valid}>
            {t('overrides.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
