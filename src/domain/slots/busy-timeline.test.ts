import { describe, expect, it } from 'vitest';
import { BusyTimeline, isFree } from './busy-timeline.js';

describe('busy timeline', () => {
  const busy = [
    { start: 50, end: 60 },
    { start: 10, end: 20 },
    { start: 15, end: 30 },
    { start: 30, end: 35 },
    { start: 40, end: 40 },
  ];

  it('merges unsorted, overlapping and touching spans, dropping empty ones', () => {
    const timeline = new BusyTimeline(busy);
    expect(timeline.size).toBe(2); // [10, 35) and [50, 60)
    const answers = [
      [0, 10],
      [5, 11],
      [35, 50],
      [36, 51],
      [60, 70],
    ].map(([start, end]) => timeline.isFreeForward(start as number, end as number));
    expect(answers).toEqual([true, false, true, false, true]);
  });

  it('answers earlier times again after a rewind', () => {
    const timeline = new BusyTimeline(busy);
    expect(timeline.isFreeForward(70, 80)).toBe(true);
    timeline.rewind();
    expect(timeline.isFreeForward(12, 13)).toBe(false);
  });

  it('checks one span against unsorted busy time without building a timeline', () => {
    expect(isFree(busy, 35, 50)).toBe(true);
    expect(isFree(busy, 34, 36)).toBe(false);
    expect(isFree(busy, 39, 41)).toBe(true); // the empty span [40, 40) blocks nothing
  });
});
