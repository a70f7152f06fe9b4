import { describe, expect, it } from 'vitest';
import { nearestAlternatives } from './alternatives';

const slot = (time: string) => ({ start: `2027-03-04T${time}:00+01:00`, end: '', staffIds: ['a'] });

describe('nearest alternatives', () => {
  it('offers the closest free times, earlier first on a tie, in time order', () => {
    const free = ['08:00', '09:00', '09:30', '10:30', '11:00', '15:00'].map(slot);
    expect(nearestAlternatives(free, slot('10:00').start).map((s) => s.start.slice(11, 16))).toEqual(['09:00', '09:30', '10:30']);
    expect(nearestAlternatives(free, slot('16:00').start, 2).map((s) => s.start.slice(11, 16))).toEqual(['11:00', '15:00']);
    expect(nearestAlternatives([], slot('10:00').start)).toEqual([]);
  });
});
