const ORIGIN = /^https:\/\/[a-z0-9.-]+(:\d{1,5})?$/;

/** Origins typed one per line, cleaned the way the server wants them (lowercase, no path). */
export function parseOrigins(text: string): { origins: string[]; invalid: string[] } {
  const lines = text
    .split(/[\s,]+/)
    .map((l) => l.trim().toLowerCase().replace(/\/+$/, ''))
    .filter(Boolean);
  const origins = [...new Set(lines)];
  return { origins, invalid: origins.filter((o) => !ORIGIN.test(o)) };
}
