import { wholeNumberIn } from './whole-number';

/** The roles of the people who run the business (every role but customer): each has its own session limits. */
export const STAFF_ROLES = ['owner', 'admin', 'staff', 'receptionist', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface RoleTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

/** The server's bounds (src/app/auth/session-timeout-policy.ts). */
export const TIMEOUT_BOUNDS = { idleMinutes: { min: 5, max: 60 }, absoluteHours: { min: 1, max: 24 } } as const;

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
