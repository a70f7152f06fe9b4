import type { Locale } from '../../domain/model.js';

/** "Tuesday, 2 March 2027, 09:00 – 09:30 (Europe/Berlin)" in the customer's language and zone. */
export function formatWhen(locale: Locale, timeZone: string, start: number, end: number | null): string {
  const tag = locale === 'zh-CN' ? 'zh-CN' : 'en-GB';
  const day = new Intl.DateTimeFormat(tag, { timeZone, weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(start);
  const time = new Intl.DateTimeFormat(tag, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const span = end === null ? time.format(start) : `${time.format(start)} – ${time.format(end)}`;
  return `${day}${locale === 'zh-CN' ? ' ' : ', '}${span} (${timeZone})`;
}
