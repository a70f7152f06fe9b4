import type { Locale } from '../../domain/model.js';

/** Building an Intl formatter costs far more than using one: one pair per language and zone. */
const formatters = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function formattersFor(locale: Locale, timeZone: string): { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat } {
  const key = `${locale}|${timeZone}`;
  let found = formatters.get(key);
  if (!found) {
    const tag = locale === 'zh-CN' ? 'zh-CN' : 'en-GB';
    found = {
      day: new Intl.DateTimeFormat(tag, { timeZone, weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }),
      time: new Intl.DateTimeFormat(tag, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    };
    if (formatters.size > 1000) formatters.clear();
    formatters.set(key, found);
  }
  return found;
}

/** "Tuesday, 2 March 2027, 09:00 – 09:30 (Europe/Berlin)" in the customer's language and zone. */
export function formatWhen(locale: Locale, timeZone: string, start: number, end: number | null): string {
  const { day, time } = formattersFor(locale, timeZone);
  const span = end === null ? time.format(start) : `${time.format(start)} – ${time.format(end)}`;
  return `${day.format(start)}${locale === 'zh-CN' ? ' ' : ', '}${span} (${timeZone})`;
}
