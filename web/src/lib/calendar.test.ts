import { describe, expect, it } from 'vitest';
import { addMonths, lastDayOf, monthWeeks } from './calendar';

describe('month calendar', () => {
  it('lays a month out in weeks starting on Monday', () => {
    const weeks = monthWeeks('2027-02');
    expect(weeks).toHaveLength(4);
    expect(weeks[0]?.[0]).toBe('2027-02-01');
    const march = monthWeeks('2027-08');
    expect(march[0]?.slice(0, 7)).toEqual([null, null, null, null, null, null, '2027-08-01']);
    expect(march.at(-1)?.[1]).toBe('2027-08-31');
  });

  it('moves between months across years and knows their last days', () => {
    expect(addMonths('2027-12', 1)).toBe('2028-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
  });
});
