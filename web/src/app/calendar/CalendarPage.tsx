import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api as publicApi } from '../../api/client';
import type { StaffRef } from '../../api/types';
import { useLocale } from '../../components/useLocale';
import { detectTimeZone, todayIn, zoneCity, zoneName } from '../../lib/time';
import { useCan, useMe } from '../session';
import { setupApi } from '../setup/setup-api';
import { type DeskBooking, bookingsApi } from './bookings-api';
import { ACTIVE_STATUSES, ENDED_STATUSES, deskErrorKey } from './booking-status';
import { BookingPanel } from './BookingPanel';
import { NewBookingDialog } from './NewBookingDialog';
import { StatusLegend } from './StatusLegend';
import { type GridColumn, TimeGrid } from './TimeGrid';
import { hourWindow, placeInDay } from './layout';
import { type CalendarView, formatDayHeading, formatPeriod, stepDate, viewDates, zoneOffset } from './zoned-time';
import './calendar.css';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Day and week views of the team or one staff member, in the business's zone or the viewer's. */
export function CalendarPage() {
  const { t, locale, language } = useLocale('desk');
  const me = useMe();
  const can = useCan();
  const orgSlug = me.org?.slug ?? '';
  const [params, setParams] = useSearchParams();
  const ids = { staff: useId(), zone: useId(), ended: useId() };

  const [businessZone, setBusinessZone] = useState<string | null>(null);
  const [staff, setStaff] = useState<StaffRef[]>([]);
  const [bookings, setBookings] = useState<DeskBooking[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<DeskBooking | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const browserZone = detectTimeZone();
  const zone = params.get('zone') === 'mine' ? browserZone : (businessZone ?? browserZone);
  const today = todayIn(zone);
  const view: CalendarView = params.get('view') === 'day' ? 'day' : 'week';
  const rawDate = params.get('date');
  const date = rawDate && DATE.test(rawDate) ? rawDate : today;
  const staffId = params.get('staff') || null;
  const showEnded = params.get('ended') === '1';
  const dates = useMemo(() => viewDates(view, date), [view, date]);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };

  useEffect(() => {
    let current = true;
    // The organization's own lists first (every staff role may read them), the public booking list if they fail.
    const load = async () => {
      const [settings, team] = await Promise.allSettled([setupApi.settings(), setupApi.staff()]);
      let zone = settings.status === 'fulfilled' ? settings.value.timeZone : null;
      let people: StaffRef[] | null = team.status === 'fulfilled' ? team.value.filter((p) => p.active).map((p) => ({ id: p.id, name: p.name })) : null;
      if (zone === null || people === null) {
        const list = await publicApi.services(orgSlug).catch(() => null);
        zone ??= list?.org.timeZone ?? browserZone;
        people ??= [...new Map((list?.services ?? []).flatMap((s) => s.staff).map((p) => [p.id, p])).values()];
      }
      if (!current) return;
      setBusinessZone(zone);
      setStaff([...people].sort((a, b) => a.name.localeCompare(b.name, locale)));
    };
    void load();
    return () => {
      current = false;
    };
  }, [orgSlug, browserZone, locale]);

  const from = dates[0] ?? date;
  const to = dates.at(-1) ?? date;
  const load = useCallback(async () => {
    if (businessZone === null) return;
    setLoading(true);
    try {
      const answer = await bookingsApi.list({ from, to, timeZone: zone, staffId, status: showEnded ? [...ACTIVE_STATUSES, ...ENDED_STATUSES] : ACTIVE_STATUSES });
      setBookings(answer.bookings);
      setError(null);
    } catch (e) {
      setError(t(deskErrorKey(e)));
    } finally {
      setLoading(false);
    }
  }, [businessZone, from, to, zone, staffId, showEnded, t]);

  useEffect(() => {
    void load();
  }, [load]);

  // Staff members known from the services, plus anyone who has bookings shown.
  const people = useMemo(() => {
    const byId = new Map(staff.map((s) => [s.id, s]));
    for (const b of bookings) if (!byId.has(b.staffId)) byId.set(b.staffId, { id: b.staffId, name: b.staffName });
    return [...byId.values()];
  }, [staff, bookings]);

  const columns: GridColumn[] = useMemo(() => {
    if (view === 'week') return dates.map((d) => ({ key: d, heading: formatDayHeading(d, locale), current: d === today, placed: placeInDay(bookings, d, zone) }));
    if (staffId) return [{ key: date, heading: formatDayHeading(date, locale), current: date === today, placed: placeInDay(bookings, date, zone) }];
    return people.map((p) => ({ key: p.id, heading: p.name, placed: placeInDay(bookings.filter((b) => b.staffId === p.id), date, zone) }));
  }, [view, dates, date, staffId, people, bookings, zone, locale, today]);

  const hours = hourWindow(columns.flatMap((c) => c.placed));
  const chosenStaff = people.find((p) => p.id === staffId);

  return (
    <div className="calendar-page">
      <div className="calendar-title-row">
        <h1 className="page-title">{t('calendar.title')}</h1>
        {can('bookings:write') && (
          <button type="button" className="button-primary" onClick={() => setCreating(true)}>
            {t('calendar.newBooking')}
          </button>
        )}
      </div>

      <div className="calendar-toolbar">
        <div className="calendar-nav" role="group" aria-label={t('calendar.navigation')}>
          <button type="button" className="button-secondary" onClick={() => update({ date: stepDate(view, date, -1) })}>
            <span aria-hidden="true">‹ </span>
            {view === 'day' ? t('calendar.previousDay') : t('calendar.previousWeek')}
          </button>
          <button type="button" className="button-secondary" onClick={() => update({ date: null })} aria-pressed={dates.includes(today)}>
            {t('calendar.today')}
          </button>
          <button type="button" className="button-secondary" onClick={() => update({ date: stepDate(view, date, 1) })}>
            {view === 'day' ? t('calendar.nextDay') : t('calendar.nextWeek')}
            <span aria-hidden="true"> ›</span>
          </button>
        </div>
        <div className="calendar-views" role="group" aria-label={t('calendar.view')}>
          <button type="button" className="button-secondary" aria-pressed={view === 'day'} onClick={() => update({ view: 'day', date })}>
            {t('calendar.day')}
          </button>
          <button type="button" className="button-secondary" aria-pressed={view === 'week'} onClick={() => update({ view: null, date })}>
            {t('calendar.week')}
          </button>
        </div>
        <div className="field calendar-filter">
          <label htmlFor={ids.staff}>{t('calendar.showStaff')}</label>
          <select id={ids.staff} value={staffId ?? ''} onChange={(e) => update({ staff: e.target.value || null })}>
            <option value="">{t('calendar.wholeTeam')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field-check calendar-filter">
          <input id={ids.ended} type="checkbox" checked={showEnded} onChange={(e) => update({ ended: e.target.checked ? '1' : null })} />
          <label htmlFor={ids.ended}>{t('calendar.showEnded')}</label>
        </div>
      </div>

      <h2 className="calendar-period" aria-live="polite">
        {chosenStaff ? t('calendar.periodFor', { period: formatPeriod(dates, locale), staff: chosenStaff.name }) : formatPeriod(dates, locale)}
      </h2>

      <div className="zone-note calendar-zone">
        <p>
          {t('calendar.zoneNote', { zone: zoneCity(zone), name: zoneName(zone, language), offset: zoneOffset(zone, Date.parse(`${from}T12:00:00Z`), locale) })}
        </p>
        {businessZone && businessZone !== browserZone && (
          <div className="field calendar-zone-choice">
            <label htmlFor={ids.zone}>{t('calendar.zoneChoice')}</label>
            <select id={ids.zone} value={params.get('zone') === 'mine' ? 'mine' : ''} onChange={(e) => update({ zone: e.target.value || null })}>
              <option value="">{t('calendar.businessZone', { zone: zoneCity(businessZone) })}</option>
              <option value="mine">{t('calendar.myZone', { zone: zoneCity(browserZone) })}</option>
            </select>
          </div>
        )}
      </div>

      <StatusLegend showEnded={showEnded} />

      {notice && (
        <p className="notice notice-success" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {loading ? t('common.loading') : t('calendar.count', { count: bookings.length })}
      </p>

      {columns.length === 0 ? (
        <p className="muted">{t('calendar.noStaff')}</p>
      ) : (
        <TimeGrid columns={columns} window={hours} zone={zone} showStaff={view === 'week' && !staffId} onOpen={setOpen} />
      )}

      {open && (
        <BookingPanel
          key={open.id}
          booking={open}
          zone={zone}
          orgSlug={orgSlug}
          onClose={() => setOpen(null)}
          onChanged={() => void load()}
        />
      )}
      {creating && (
        <NewBookingDialog
          orgSlug={orgSlug}
          zone={zone}
          date={date < today ? today : date}
          staffId={staffId}
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            setNotice(t('calendar.created'));
            void load();
          }}
        />
      )}
    </div>
  );
}
