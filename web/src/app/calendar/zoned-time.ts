/** Wall-clock dates and minutes in a chosen IANA zone, with the browser's Intl only. */

const pad = (n: number) => String(n).padStart(2, '0');

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partFormatters.set(zone, f);
  }
  return f;
}

export interface WallTime {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** Minutes since that date's midnight on the wall clock (0..1439). */
  minutes: number;
}

/** Where an instant falls on the wall clock of a zone. */
export function wallTime(instant: string | number, zone: string): WallTime {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  const parts = partsFormatter(zone).formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { date: `${get('year')}-${pad(get('month'))}-${pad(get('day'))}`, minutes: (get('hour') % 24) * 60 + get('minute') };
}

function dateMs(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

function fromMs(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(date: string, days: number): string {
  return fromMs(dateMs(date) + days * 86_400_000);
}

/** 1 for Monday .. 7 for Sunday. */
export function isoWeekday(date: string): number {
  return ((new Date(dateMs(date)).getUTCDay() + 6) % 7) + 1;
}

export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The seven dates, Monday first, of the week holding a date. */
export function weekOf(date: string): string[] {
  const monday = mondayOf(date);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

export type CalendarView = 'day' | 'week';

/** The dates a view shows around a date. */
export function viewDates(view: CalendarView, date: string): string[] {
  return view === 'day' ? [date] : weekOf(date);
}

/** The date one step before or after, by a day or a week. */
export function stepDate(view: CalendarView, date: string, direction: -1 | 1): string {
  return addDays(date, direction * (view === 'day' ? 1 : 7));
}

/** "HH:MM" for minutes since midnight. */
export function clockText(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Minutes since midnight of "HH:MM", or null when it is not a time of day (24:00 allowed as an end). */
export function parseClock(text: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && minutes <= 1440 ? minutes : null;
}

/** An hour of the day as the locale writes it ("09:00", "9 AM", "上午9:00"). */
export function formatHour(hour: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' }).format(Date.UTC(2000, 0, 1, hour));
}

/** "09:00 – 09:30" in the zone, as the locale writes a time range. */
export function formatTimeRange(start: string, end: string, zone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: zone, hour: 'numeric', minute: '2-digit' }).formatRange(Date.parse(start), Date.parse(end));
}

/** "Mon 1" / "1日周一": a column heading. */
export function formatDayHeading(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric' }).format(dateMs(date));
}

/** "1 – 7 March 2027" or "Monday, 1 March 2027": the period a view shows. */
export function formatPeriod(dates: readonly string[], locale: string): string {
  const first = dates[0] ?? '1970-01-01';
  const last = dates.at(-1) ?? first;
  if (first === last) return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'full' }).format(dateMs(first));
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }).formatRange(dateMs(first), dateMs(last));
}

/** The offset of a zone at an instant, as "GMT+1" / "GMT-05:00"; for the time-zone note. */
export function zoneOffset(zone: string, at: number, locale: string): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(at);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
}
