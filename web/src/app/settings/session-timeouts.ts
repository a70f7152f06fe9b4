import { STAFF_ROLES, type StaffRole, TIMEOUT_BOUNDS } from './settings-rules';
import { wholeNumberIn } from './whole-number';

export interface RoleTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

/** What the fields hold while an admin types: text, checked on every change. */
export type TimeoutsDraft = Record<StaffRole, { idleMinutes: string; absoluteHours: string }>;

export function draftOf(timeouts: Record<StaffRole, RoleTimeouts>): TimeoutsDraft {
  const draft = {} as TimeoutsDraft;
  for (const role of STAFF_ROLES) draft[role] = { idleMinutes: String(timeouts[role].idleMinutes), absoluteHours: String(timeouts[role].absoluteHours) };
  return draft;
}

/** The limits to send, or null while any field is out of bounds. */
export function timeoutsOf(draft: TimeoutsDraft): Record<StaffRole, RoleTimeouts> | null {
  const out = {} as Record<StaffRole, RoleTimeouts>;
  for (const role of STAFF_ROLES) {
    const { idleMinutes, absoluteHours } = TIMEOUT_BOUNDS;
    const idle = wholeNumberIn(draft[role].idleMinutes, idleMinutes.min, idleMinutes.max);
    const absolute = wholeNumberIn(draft[role].absoluteHours, absoluteHours.min, absoluteHours.max);
    if (idle === null || absolute === null) return null;
    out[role] = { idleMinutes: idle, absoluteHours: absolute };
  }
  return out;
}
