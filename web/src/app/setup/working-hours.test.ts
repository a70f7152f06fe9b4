import { describe, expect, it } from 'vitest';
import { fromWeekGrid, gridIsValid, intervalProblems, nextInterval, toWeekGrid } from './working-hours';

describe('working hours grid', () => {
  it('groups the API’s weekly hours by day, Monday first and in time order, and back', () => {
    const hours = [
      { weekday: 1, start: '13:00', end: '17:00' },
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 7, start: '10:00', end: '14:00' },
    ];
    const grid = toWeekGrid(hours);
    expect(grid).toHaveLength(7);
    expect(grid[0]).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]);
    expect(grid[1]).toEqual([]);
    expect(grid[6]).toEqual([{ start: '10:00', end: '14:00' }]);
    expect(fromWeekGrid(grid)).toEqual([
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 1, start: '13:00', end: '17:00' },
      { weekday: 7, start: '10:00', end: '14:00' },
    ]);
  });

  it('flags bad times, ends before starts and overlapping intervals, and accepts a break between two', () => {
    expect(
      intervalProblems([
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '24:00' },
      ]),
    ).toEqual([null, null]);
    expect(intervalProblems([{ start: '9', end: '12:00' }])).toEqual(['invalidTime']);
    expect(intervalProblems([{ start: '12:00', end: '12:00' }])).toEqual(['endBeforeStart']);
    expect(
      intervalProblems([
        { start: '09:00', end: '12:30' },
        { start: '12:00', end: '17:00' },
      ]),
    ).toEqual(['overlaps', 'overlaps']);
    expect(gridIsValid(toWeekGrid([{ weekday: 2, start: '17:00', end: '09:00' }]))).toBe(false);
    expect(gridIsValid(toWeekGrid([]))).toBe(true);
  });

  it('suggests the next interval an hour after the last one ends, within the day', () => {
    expect(nextInterval([])).toEqual({ start: '09:00', end: '17:00' });
    expect(nextInterval([{ start: '09:00', end: '12:00' }])).toEqual({ start: '13:00', end: '17:00' });
    expect(nextInterval([{ start: '09:00', end: '22:30' }])).toEqual({ start: '23:00', end: '24:00' });
  });
});
