import { describe, expect, it } from 'vitest';
import { pickStaff } from './staff-picker.js';

describe('any available staff', () => {
  it('picks the staff member with the fewest bookings that day', () => {
    const r = pickStaff([
      { staffId: 'a', bookingsThatDay: 3, lastAssignedAt: null },
      { staffId: 'b', bookingsThatDay: 1, lastAssignedAt: 5 },
    ]);
    expect(r.chosen).toBe('b');
    expect(r.explanation).toMatch(/fewest bookings/);
  });

  it('breaks ties by round robin: never or least recently assigned first', () => {
    const r = pickStaff([
      { staffId: 'a', bookingsThatDay: 2, lastAssignedAt: 100 },
      { staffId: 'b', bookingsThatDay: 2, lastAssignedAt: 50 },
      { staffId: 'c', bookingsThatDay: 2, lastAssignedAt: null },
    ]);
    expect(r.chosen).toBe('c');
    expect(r.explanation).toMatch(/round robin/);
    expect(r.candidates).toHaveLength(3);
  });

  it('spreads consecutive assignments across equally loaded staff', () => {
    const loads = new Map([
      ['a', { staffId: 'a', bookingsThatDay: 0, lastAssignedAt: null as number | null }],
      ['b', { staffId: 'b', bookingsThatDay: 0, lastAssignedAt: null as number | null }],
    ]);
    const picks: string[] = [];
    for (let t = 1; t <= 4; t++) {
      const { chosen } = pickStaff([...loads.values()]);
      picks.push(chosen);
      const load = loads.get(chosen);
      if (load) {
        load.bookingsThatDay += 1;
        load.lastAssignedAt = t;
      }
    }
    expect(picks).toEqual(['a', 'b', 'a', 'b']);
  });
});
