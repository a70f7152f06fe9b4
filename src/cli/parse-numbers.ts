import { UsageError } from './usage-error.js';

/** A whole number option such as `--duration 30`. */
export function parseWhole(text: string, flag: string): number {
  if (!/^\d{1,9}$/.test(text.trim())) throw new UsageError(`${flag} must be a whole number (got "${text}")`);
  return Number(text.trim());
}

/** A price in major units (`35`, `35.5`, `35.50`) -> minor units (3550). */
export function parsePrice(text: string, flag = '--price'): number {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) throw new UsageError(`${flag} must be an amount such as 35 or 35.50 (got "${text}")`);
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** A comma-separated list of ids; empty entries dropped. */
export function parseList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
