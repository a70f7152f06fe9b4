/** A whole number typed into a field, or null when it is not one from `min` to `max`. */
export function wholeNumberIn(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,9}$/.test(trimmed)) return null;
  const n = Number.parseInt(trimmed, 10);
  return n >= min && n <= max ? n : null;
}
