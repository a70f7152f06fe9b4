import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridPositionsCss } from './grid-positions';
import { type Timed, DEFAULT_WINDOW, gridPlacement, hourWindow, placeInDay, placementClasses } from './layout';

const at = (id: string, start: string, end: string): Timed => ({ id, start: `2027-03-01T${start}:00+01:00`, end: `2027-03-01T${end}:00+01:00` });
const ZONE = 'Europe/Berlin';

function lanesOf(items: Timed[]) {
  return Object.fromEntries(placeInDay(items, '2027-03-01', ZONE).map((p) => [p.item.id, [p.lane, p.lanes]]));
}

describe('bookings in a day column', () => {
  it('puts bookings that do not overlap in one full-width lane, back to back included', () => {
    expect(lanesOf([at('a', '09:00', '09:30'), at('b', '09:30', '10:00'), at('c', '11:00', '12:00')])).toEqual({ a: [0, 1], b: [0, 1], c: [0, 1] });
  });

  it('puts overlapping bookings side by side, and a whole overlapping group shares its lane count', () => {
    // a overlaps b, b overlaps c, but a and c do not: c reuses a's lane; all three show at half width.
    expect(lanesOf([at('a', '09:00', '10:00'), at('b', '09:30', '10:30'), at('c', '10:00', '11:00'), at('d', '12:00', '12:30')])).toEqual({
      a: [0, 2],
      b: [1, 2],
      c: [0, 2],
      d: [0, 1],
    });
    expect(lanesOf([at('a', '09:00', '12:00'), at('b', '09:00', '10:00'), at('c', '09:15', '09:45')])).toEqual({ a: [0, 3], b: [1, 3], c: [2, 3] });
  });

  it('shows a booking on the wall clock of the zone chosen, and clips one that crosses midnight', () => {
    const late = { id: 'n', start: '2027-03-01T22:30:00Z', end: '2027-03-02T01:00:00Z' };
    const [monday] = placeInDay([late], '2027-03-01', ZONE);
    expect(monday).toMatchObject({ startMin: 23 * 60 + 30, endMin: 24 * 60, continuesAfter: true, continuesBefore: false });
    const [tuesday] = placeInDay([late], '2027-03-02', ZONE);
    expect(tuesday).toMatchObject({ startMin: 0, endMin: 120, continuesBefore: true });
    expect(placeInDay([late], '2027-03-01', 'Asia/Shanghai')).toEqual([]);
    expect(placeInDay([late], '2027-03-02', 'Asia/Shanghai')[0]).toMatchObject({ startMin: 6 * 60 + 30, endMin: 9 * 60 });
  });

  it('grows the visible hours to show an early or late booking', () => {
    const placed = placeInDay([at('a', '06:15', '07:00'), at('b', '20:00', '21:30')], '2027-03-01', ZONE);
    expect(hourWindow(placed)).toEqual({ from: 6, to: 22 });
    expect(hourWindow([])).toEqual(DEFAULT_WINDOW);
  });

  it('maps bookings to quarter-hour rows and lane columns, never off the grid', () => {
    const [a, b] = placeInDay([at('a', '09:00', '09:30'), at('b', '09:10', '09:20')], '2027-03-01', ZONE);
    const window = { from: 7, to: 20 };
    // 09:00 is the ninth quarter after 07:00; lane 0 of 2 takes the first six of twelve columns.
    expect(a && gridPlacement(a, window)).toEqual({ rowStart: 9, rowEnd: 11, colStart: 1, colSpan: 6 });
    // 09:10-09:20 covers parts of two quarters: rows 9 and 10.
    expect(b && gridPlacement(b, window)).toEqual({ rowStart: 9, rowEnd: 11, colStart: 7, colSpan: 6 });
    const [early] = placeInDay([at('e', '05:00', '05:30')], '2027-03-01', ZONE);
    expect(early && gridPlacement(early, window)).toMatchObject({ rowStart: 1, rowEnd: 2 });
    const five = placeInDay(['1', '2', '3', '4', '5'].map((id) => at(id, '10:00', '11:00')), '2027-03-01', ZONE);
    expect(five.map((p) => gridPlacement(p, window).colStart)).toEqual([1, 3, 5, 7, 9]);
  });

  it('has a CSS rule for every class a placement can produce', () => {
    const css = readFileSync(join(import.meta.dirname, 'grid-positions.css'), 'utf8');
    expect(css).toBe(gridPositionsCss());
    const [whole] = placeInDay([{ id: 'x', start: '2027-03-01T00:00:00+01:00', end: '2027-03-02T00:00:00+01:00' }], '2027-03-01', ZONE);
    const classes = whole ? placementClasses(gridPlacement(whole, { from: 0, to: 24 })) : '';
    expect(classes).toBe('rs-1 re-97 cs-1 span-12');
    for (const c of classes.split(' ')) expect(css).toContain(`.${c} {`);
  });
});
