/** A price as typed ("35", "35.50", "35,50") in cents; null when left empty, NaN when it is not a price. */
export function priceToCents(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^\d{1,7}(\.\d{1,2})?$/.test(trimmed) ? Math.round(Number(trimmed) * 100) : Number.NaN;
}
