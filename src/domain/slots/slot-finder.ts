/**
 * The slot engine: which appointment start times one staff member can offer (a team: team-slots.ts).
 *
 * Slots are laid out in the staff member's LOCAL wall-clock time: each working interval's
 * local start, then every `intervalMin` minutes. Each local start becomes an instant; one
 * that clocks skip (spring forward) is not offered, one that occurs twice (fall back) is
 * offered once, at its earlier instant. The appointment must end by the interval's end,
 * measured as an instant (see localMsToBoundary), so on DST days the same local hours are
 * an hour more or less of real time. Buffers need to be free of busy time but may lie
 * outside working hours. Pure: the clock comes in as `query.now`.
 */
import { isFree, BusyTimeline } from './busy-timeline.js';
import type { SlotQuery, SlotRules, StaffAvailability } from './types.js';
import { assertUsableRules } from './slot-rules.js';
import { WorkingSchedule } from './working-schedule.js';
import { localEpochDayOf, localMsToBoundary, localMsToInstant } from '../time/local-time.js';
import { MS_PER_DAY, MS_PER_MINUTE } from '../time/units.js';
import { type ZoneOffsets, zoneOffsets } from '../time/zone-offsets.js';

/**
 * Start instants allowed by notice, advance limit and query: [lower, upper). The only way
 * the clock enters the engine, so a slot list computed without the two limits and then cut
 * to these bounds equals one computed with them (what the slot answer cache relies on).
 */
export function startBounds(rules: SlotRules, from: number, to: number, now: number): [number, number] {
  const lower = Math.max(from, now + rules.minimumNoticeMin * MS_PER_MINUTE);
  const upper =
    rules.maxAdvanceDays === null
      ? to
      : Math.min(to, now + rules.maxAdvanceDays * MS_PER_DAY + 1); // the limit itself is allowed
  return [lower, upper];
}

/** Slot starts of one staff member in [lower, upper), in increasing order. */
function scanSlots(
  offsets: ZoneOffsets,
  schedule: WorkingSchedule,
  busy: BusyTimeline,
  rules: SlotRules,
  lower: number,
  upper: number,
): number[] {
  assertUsableRules(rules);
  const slots: number[] = [];
  if (!(upper > lower) || !Number.isFinite(lower) || !Number.isFinite(upper)) return slots;
  const durationMs = rules.durationMin * MS_PER_MINUTE;
  const beforeMs = rules.bufferBeforeMin * MS_PER_MINUTE;
  const afterMs = rules.bufferAfterMin * MS_PER_MINUTE;
  const step = rules.intervalMin;
  let previous = Number.NEGATIVE_INFINITY;

  const lastDay = localEpochDayOf(offsets, upper - 1);
  for (let day = localEpochDayOf(offsets, lower); day <= lastDay; day++) {
    const intervals = schedule.intervalsOn(day);
    if (intervals.length === 0) continue;
    const midnight = day * MS_PER_DAY; // local ms
    // Away from transitions a whole day shares one offset: one subtraction per slot.
    const fixed = offsets.fixedOffsetOnLocalDay(day);
    const isFixed = !Number.isNaN(fixed);
    for (const interval of intervals) {
      const endLocal = midnight + interval.end * MS_PER_MINUTE;
      const end = isFixed ? endLocal - fixed : localMsToBoundary(offsets, endLocal);
      const latestStart = end - durationMs;
      for (let minute = interval.start; minute < interval.end; minute += step) {
        const local = midnight + minute * MS_PER_MINUTE;
        const start = isFixed ? local - fixed : localMsToInstant(offsets, local);
        if (Number.isNaN(start)) continue; // skipped by a spring-forward jump
        if (start > latestStart) break; // later grid points only start later
        if (start < lower || start <= previous) continue;
        if (start >= upper) return slots;
        previous = start;
        if (busy.isFreeForward(start - beforeMs, start + durationMs + afterMs)) slots.push(start);
      }
    }
  }
  return slots;
}

/** Sorted slot starts (epoch ms) one staff member can offer with starts in [from, to). */
export function findStaffSlots(
  staff: StaffAvailability,
  rules: SlotRules,
  query: SlotQuery,
): number[] {
  const [lower, upper] = startBounds(rules, query.from, query.to, query.now);
  return scanSlots(
    zoneOffsets(staff.timeZone),
    new WorkingSchedule(staff.weekly, staff.overrides),
    new BusyTimeline(staff.busy),
    rules,
    lower,
    upper,
  );
}

/**
 * Whether one start is still offered (the check made when booking): same rules as
 * findStaffSlots, but only the local day of `start` is laid out and busy time is not sorted.
 */
export function isSlotAvailable(
  staff: StaffAvailability,
  rules: SlotRules,
  start: number,
  now: number,
): boolean {
  if (!Number.isInteger(start)) return false;
  const durationMs = rules.durationMin * MS_PER_MINUTE;
  const from = start - rules.bufferBeforeMin * MS_PER_MINUTE;
  const to = start + durationMs + rules.bufferAfterMin * MS_PER_MINUTE;
  if (!isFree(staff.busy, from, to)) return false;
  const [lower, upper] = startBounds(rules, start, start + 1, now);
  const slots = scanSlots(
    zoneOffsets(staff.timeZone),
    new WorkingSchedule(staff.weekly, staff.overrides),
    new BusyTimeline([]),
    rules,
    lower,
    upper,
  );
  return slots.length === 1 && slots[0] === start;
}
