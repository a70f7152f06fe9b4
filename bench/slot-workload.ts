/**
 * Reads the shared slot-benchmark workloads (/work/shared/bench/README.md) into slot-engine
 * input. The format is Cal.com-shaped: weekday 0 = Sunday, local HH:MM working hours,
 * bookings as UTC ISO strings, lengths and buffers in minutes.
 */
import { readFileSync } from 'node:fs';
import type { BusyInterval, SlotQuery, SlotRules, StaffAvailability, WeeklyHours } from '../src/domain/slots/types.js';

export interface WorkloadWorkingHours {
  days: number[];
  start: string;
  end: string;
}

export interface WorkloadProvider {
  id: number | string;
  timeZone: string;
  workingHours: WorkloadWorkingHours[];
  bookings: { start: string; end: string }[];
}

export interface Workload {
  name: string;
  bookerTimeZone: string;
  startTime: string;
  endTime: string;
  event: {
    length: number;
    slotInterval: number | null;
    minimumBookingNotice: number;
    beforeEventBuffer: number;
    afterEventBuffer: number;
    offsetStart: number;
    schedulingType: string | null;
  };
  providers: WorkloadProvider[];
}

export interface EngineInput {
  /** One entry per provider, in workload order; `staffId` is `provider_<id>`. */
  staff: StaffAvailability[];
  rules: SlotRules;
  query: SlotQuery;
  /** ROUND_ROBIN: the answer is the union over providers ("any available staff"). */
  team: boolean;
}

export function readWorkload(path: string): Workload {
  return JSON.parse(readFileSync(path, 'utf8')) as Workload;
}

function parseInstant(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`Not an ISO instant: ${iso}`);
  return ms;
}

function parseClock(hhmm: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  const minutes = match === null ? Number.NaN : Number(match[1]) * 60 + Number(match[2]);
  if (!(minutes >= 0 && minutes <= 1440)) throw new Error(`Not a HH:MM time: ${hhmm}`);
  return minutes;
}

/** Busy spans from a provider's UTC bookings (buffers are applied by the engine's rules). */
export function toBusy(provider: WorkloadProvider): BusyInterval[] {
  return provider.bookings.map((b) => ({ start: parseInstant(b.start), end: parseInstant(b.end) }));
}

export function toStaff(provider: WorkloadProvider): StaffAvailability {
  const weekly: WeeklyHours[] = [];
  for (const hours of provider.workingHours) {
    const start = parseClock(hours.start);
    const end = parseClock(hours.end);
    for (const weekday of hours.days) weekly.push({ weekday, start, end });
  }
  return {
    staffId: `provider_${provider.id}`,
    timeZone: provider.timeZone,
    weekly,
    overrides: [],
    busy: toBusy(provider),
  };
}

/**
 * The whole workload as engine input. The query window is [startTime, endTime] with both
 * ends included, as the peer treats it (hence `to = endTime + 1 ms`).
 */
export function toEngineInput(workload: Workload, now: number): EngineInput {
  const { event } = workload;
  if (event.offsetStart !== 0) throw new Error('offsetStart is not supported');
  return {
    staff: workload.providers.map(toStaff),
    rules: {
      durationMin: event.length,
      // Cal.com: no slotInterval means slots every event length.
      intervalMin: event.slotInterval ?? event.length,
      bufferBeforeMin: event.beforeEventBuffer,
      bufferAfterMin: event.afterEventBuffer,
      minimumNoticeMin: event.minimumBookingNotice,
      maxAdvanceDays: null,
    },
    query: {
      from: parseInstant(workload.startTime),
      to: parseInstant(workload.endTime) + 1,
      now,
    },
    team: event.schedulingType === 'ROUND_ROBIN',
  };
}
