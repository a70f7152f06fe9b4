import type { Service } from '../../domain/model.js';
import { findStaffSlots } from '../../domain/slots/slot-finder.js';
import type { BusyInterval, SlotRules, StaffAvailability, TeamSlot } from '../../domain/slots/types.js';
import { MS_PER_MINUTE } from '../../domain/time/units.js';
import type { BusyBooking, Repositories } from '../ports.js';

export interface SlotSearch {
  orgId: string;
  service: Service;
  staffIds: readonly string[];
  /** Slot starts in [from, to), epoch ms. */
  from: number;
  to: number;
  now: number;
  /** A booking or hold being moved or converted: its own time does not count as taken. */
  ignoreBookingId?: string | null;
}

export function slotRules(service: Service): SlotRules {
  return {
    durationMin: service.durationMin,
    intervalMin: service.slotIntervalMin,
    bufferBeforeMin: service.bufferBeforeMin,
    bufferAfterMin: service.bufferAfterMin,
    minimumNoticeMin: service.minNoticeMin,
    maxAdvanceDays: service.maxAdvanceDays,
  };
}

/**
 * The slots a service offers: the one computation behind both the public slot list and the
 * re-check inside a booking transaction, so what is shown and what can be booked never differ.
 */
export async function offeredSlots(repos: Repositories, q: SlotSearch): Promise<TeamSlot[]> {
  return (await offeredSlotsUntil(repos, q)).slots;
}

export interface OfferedSlots {
  slots: TeamSlot[];
  /** When a hold among the busy time expires (Infinity if none): the slots may grow then. */
  changesAt: number;
}

/** offeredSlots, and until when they hold while nothing is written. */
export async function offeredSlotsUntil(repos: Repositories, q: SlotSearch): Promise<OfferedSlots> {
  const { service } = q;
  const span = (service.durationMin + service.bufferBeforeMin + service.bufferAfterMin) * MS_PER_MINUTE;
  const [schedules, bookings] = await Promise.all([
    repos.staff.schedules(q.orgId, q.staffIds),
    repos.bookings.busy(q.orgId, q.staffIds, q.from - span, q.to + span, q.now),
  ]);
  const rules = slotRules(service);
  const byStart = new Map<number, string[]>();
  for (const schedule of schedules) {
    const own = bookings.filter((b) => b.staffId === schedule.staffId && b.bookingId !== q.ignoreBookingId);
    const sessions = openSessions(service, own);
    const staff: StaffAvailability = { ...schedule, busy: busyFor(service, own, sessions) };
    for (const start of findStaffSlots(staff, rules, { from: q.from, to: q.to, now: q.now })) {
      if (overlapsOtherSession(service, start, sessions)) continue;
      const ids = byStart.get(start);
      if (ids) ids.push(schedule.staffId);
      else byStart.set(start, [schedule.staffId]);
    }
  }
  const duration = service.durationMin * MS_PER_MINUTE;
  const slots = [...byStart.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([start, staffIds]) => ({ start, end: start + duration, staffIds }));
  let changesAt = Number.POSITIVE_INFINITY;
  for (const b of bookings) if (b.holdExpiresAt !== null && b.holdExpiresAt < changesAt) changesAt = b.holdExpiresAt;
  return { slots, changesAt };
}

interface Session {
  start: number;
  busyStart: number;
  busyEnd: number;
}

/** Group sessions of this service that still have seats: they stay joinable at their start. */
function openSessions(service: Service, own: BusyBooking[]): Session[] {
  if (service.capacity <= 1) return [];
  const seats = new Map<number, { n: number; session: Session }>();
  for (const b of own) {
    if (b.serviceId !== service.id) continue;
    const entry = seats.get(b.start) ?? { n: 0, session: { start: b.start, busyStart: b.busyStart, busyEnd: b.busyEnd } };
    entry.n += 1;
    seats.set(b.start, entry);
  }
  return [...seats.values()].filter((s) => s.n < service.capacity).map((s) => s.session);
}

function busyFor(service: Service, own: BusyBooking[], sessions: Session[]): BusyInterval[] {
  const open = new Set(sessions.map((s) => s.start));
  return own
    .filter((b) => !(b.serviceId === service.id && open.has(b.start)))
    .map((b) => ({ start: b.busyStart, end: b.busyEnd }));
}

/** A new group session may not start inside one that is already running. */
function overlapsOtherSession(service: Service, start: number, sessions: Session[]): boolean {
  if (sessions.length === 0) return false;
  const busyStart = start - service.bufferBeforeMin * MS_PER_MINUTE;
  const busyEnd = start + (service.durationMin + service.bufferAfterMin) * MS_PER_MINUTE;
  return sessions.some((s) => s.start !== start && s.busyStart < busyEnd && busyStart < s.busyEnd);
}
