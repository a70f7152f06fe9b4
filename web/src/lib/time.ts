/** Time zones and dates on the customer's side, with the browser's Intl only. */

/** The zone the browser runs in, or UTC when it does not say. */
export function detectTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

let zones: string[] | null = null;

/** Every IANA zone the browser knows, UTC included. */
export function allTimeZones(): string[] {
  if (!zones) {
    const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    zones = known.includes('UTC') ? [...known] : [...known, 'UTC'];
  }
  return zones;
}

/** Zones whose name or display name contains every word typed, best matches first. */
export function searchTimeZones(query: string, language: string, limit = 40): string[] {
  const words = query.toLowerCase().replace(/[_/]/g, ' ').split(/\s+/).filter(Boolean);
  const all = allTimeZones();
  if (words.length === 0) return all.slice(0, limit);
  const scored: { zone: string; score: number }[] = [];
  for (const zone of all) {
    const haystack = `${zone.replace(/[_/]/g, ' ')} ${zoneName(zone, language)}`.toLowerCase();
    if (!words.every((w) => haystack.includes(w))) continue;
    const city = zone.slice(zone.lastIndexOf('/') + 1).replace(/_/g, ' ').toLowerCase();
    scored.push({ zone, score: city.startsWith(words[0] ?? '') ? 0 : 1 });
  }
  scored.sort((a, b) => a.score - b.score || a.zone.localeCompare(b.zone));
  return scored.slice(0, limit).map((s) => s.zone);
}

/** "Central European Standard Time" / "中欧标准时间"; the zone id when the browser has no name. */
export function zoneName(zone: string, language: string, at = Date.now()): string {
  try {
    const parts = new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: 'long' }).formatToParts(at);
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
  } catch {
    return zone;
  }
}

/** "Berlin", "New York": the city part of a zone id, readable. */
export function zoneCity(zone: string): string {
  return zone.slice(zone.lastIndexOf('/') + 1).replace(/_/g, ' ');
}

/** Today's date (YYYY-MM-DD) in a zone. */
export function todayIn(zone: string, now = Date.now()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The local date of an ISO instant written with its zone's offset, as the API writes them. */
export function localDateOf(iso: string): string {
  return iso.slice(0, 10);
}

/** The local date of an instant in any zone. */
export function dateIn(iso: string, zone: string): string {
  return todayIn(zone, Date.parse(iso));
}

export function formatTime(iso: string, zone: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(Date.parse(iso));
}

export function formatDateTime(iso: string, zone: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: zone, dateStyle: 'full', timeStyle: 'short' }).format(Date.parse(iso));
}

/** A plain date (YYYY-MM-DD), e.g. "Tuesday, 2 March 2027" / "2027年3月2日星期二". */
export function formatPlainDate(date: string, language: string, style: 'full' | 'medium' = 'full'): string {
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', dateStyle: style }).format(plainDateMs(date));
}

export function formatMonth(month: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(plainDateMs(`${month}-01`));
}

export function formatWeekday(date: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', weekday: 'short' }).format(plainDateMs(date));
}

export function formatPrice(amountCents: number, currency: string, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency }).format(amountCents / 100);
}

export function plainDateMs(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}
