import { describe, expect, it } from 'vitest';
import { MS_PER_MINUTE } from '../../domain/time/units.js';
import { SlotAnswer, SlotAnswerCache } from './slot-answer-cache.js';

const T0 = Date.parse('2027-03-01T08:00:00Z');

function answer(version: string, over: { computedAt?: number; changesAt?: number; slots?: number } = {}): SlotAnswer {
  const n = over.slots ?? 4;
  const starts = Array.from({ length: n }, (_, i) => T0 + (60 + 30 * i) * MS_PER_MINUTE);
  return new SlotAnswer({
    version,
    computedAt: over.computedAt ?? T0,
    changesAt: over.changesAt ?? Number.POSITIVE_INFINITY,
    timeZone: 'UTC',
    range: { from: T0, to: T0 + 24 * 60 * MS_PER_MINUTE },
    rules: { durationMin: 30, intervalMin: 30, bufferBeforeMin: 0, bufferAfterMin: 0, minimumNoticeMin: 30, maxAdvanceDays: null },
    starts,
    slots: starts.map((s) => ({ start: new Date(s).toISOString(), end: new Date(s + 30 * MS_PER_MINUTE).toISOString(), staffIds: ['a'] })),
  });
}

describe('SlotAnswer', () => {
  it('cuts the slots to the minimum notice of each instant, and writes the same JSON as the objects', () => {
    const a = answer('v1');
    expect(a.slotsAt(T0).slots).toHaveLength(4);
    // 30 minutes' notice: at 08:31 the 09:00 slot is too soon.
    const later = T0 + 31 * MS_PER_MINUTE;
    expect(a.slotsAt(later).slots.map((s) => s.start)).toEqual(['2027-03-01T09:30:00.000Z', '2027-03-01T10:00:00.000Z', '2027-03-01T10:30:00.000Z']);
    expect(a.jsonAt(later)).toBe(JSON.stringify(a.slotsAt(later)));
    expect(a.jsonAt(T0)).toBe(JSON.stringify(a.slotsAt(T0)));
    expect(a.jsonAt(T0 + 24 * 60 * MS_PER_MINUTE)).toBe('{"timeZone":"UTC","slots":[]}');
  });

  it('serves only under its own version, from its computation until a hold in it expires', () => {
    const a = answer('v1', { changesAt: T0 + 10 * MS_PER_MINUTE });
    expect(a.servesAt('v1', T0)).toBe(true);
    expect(a.servesAt('v2', T0)).toBe(false);
    expect(a.servesAt('v1', T0 - 1)).toBe(false);
    expect(a.servesAt('v1', T0 + 10 * MS_PER_MINUTE)).toBe(false);
  });
});

describe('SlotAnswerCache', () => {
  it('drops the least recently used answer beyond its entry cap', () => {
    const cache = new SlotAnswerCache({ maxEntries: 2 });
    cache.set('a', answer('v'));
    cache.set('b', answer('v'));
    expect(cache.get('a', 'v', T0)).not.toBeNull();
    cache.set('c', answer('v'));
    expect(cache.size).toBe(2);
    expect(cache.get('b', 'v', T0)).toBeNull();
    expect(cache.get('a', 'v', T0)).not.toBeNull();
    expect(cache.get('c', 'v', T0)).not.toBeNull();
  });

  it('stays under its size cap and never keeps an answer larger than the cap', () => {
    const one = answer('v', { slots: 100 });
    const cache = new SlotAnswerCache({ maxBytes: one.bytes * 3 + 1 });
    for (const key of ['a', 'b', 'c', 'd', 'e']) cache.set(key, answer('v', { slots: 100 }));
    expect(cache.size).toBe(3);
    expect(cache.totalBytes).toBeLessThanOrEqual(one.bytes * 3 + 1);
    cache.set('huge', answer('v', { slots: 400 }));
    expect(cache.get('huge', 'v', T0)).toBeNull();
  });

  it('forgets an answer once it is asked for under another version', () => {
    const cache = new SlotAnswerCache();
    cache.set('a', answer('v1'));
    expect(cache.get('a', 'v2', T0)).toBeNull();
    expect(cache.size).toBe(0);
    expect(cache.totalBytes).toBe(0);
    expect(cache.stats).toEqual({ hits: 0, misses: 1 });
  });
});
