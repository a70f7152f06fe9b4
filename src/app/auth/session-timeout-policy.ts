import { MS_PER_HOUR, MS_PER_MINUTE } from '../../domain/time/units.js';
import { CUSTOMER_TIMEOUTS, RESTRICTED_TIMEOUTS, STAFF_TIMEOUTS, type SessionTimeouts } from '../../security/sessions/session-timeouts.js';
import type { InputCheck } from '../input-rules.js';
import { type Role, STAFF_ROLES } from '../access/roles.js';
import type { Session, SessionStage } from './session-model.js';

/** The roles whose automatic logoff an organization sets (HIPAA 164.312(a)(2)(iii), ASVS 7.3). */
export type StaffRole = Exclude<Role, 'customer'>;

/** One role's limits as an admin sets them: minutes without activity, hours since sign-in. */
export interface RoleSessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

export type SessionTimeoutPolicy = Record<StaffRole, RoleSessionTimeouts>;

/** Safe bounds: never more lenient than an hour idle and a day in all (security.md, Sessions). */
export const SESSION_TIMEOUT_BOUNDS = {
  idleMinutes: { min: 5, max: 60 },
  absoluteHours: { min: 1, max: 24 },
} as const;

const STAFF_DEFAULT: RoleSessionTimeouts = { idleMinutes: STAFF_TIMEOUTS.idleMs / MS_PER_MINUTE, absoluteHours: STAFF_TIMEOUTS.absoluteMs / MS_PER_HOUR };

/** Every role gets the staff defaults (15 minutes idle, 12 hours) until an admin changes them. */
export const DEFAULT_SESSION_TIMEOUTS: SessionTimeoutPolicy = {
  owner: STAFF_DEFAULT,
  admin: STAFF_DEFAULT,
  staff: STAFF_DEFAULT,
  receptionist: STAFF_DEFAULT,
  auditor: STAFF_DEFAULT,
};

export function isStaffRole(role: Role | null): role is StaffRole {
  return role !== null && STAFF_ROLES.includes(role);
}

/** A stored policy with every role present (a role it does not name keeps the default). */
export function withDefaultTimeouts(stored: Partial<SessionTimeoutPolicy> | undefined): SessionTimeoutPolicy {
  return { ...DEFAULT_SESSION_TIMEOUTS, ...stored };
}

/** The roles a change names, checked against the bounds (every problem noted in `check`), merged into `current`. */
export function cleanSessionTimeouts(check: InputCheck, given: Partial<Record<string, RoleSessionTimeouts>>, current: SessionTimeoutPolicy): SessionTimeoutPolicy {
  const next = { ...current };
  for (const [role, limits] of Object.entries(given)) {
    if (!limits) continue;
    if (!isStaffRole(role as Role)) {
      check.require(false, `body.sessionTimeouts.${role}`, `roles are ${STAFF_ROLES.join(', ')}`);
      continue;
    }
    for (const field of ['idleMinutes', 'absoluteHours'] as const) {
      const { min, max } = SESSION_TIMEOUT_BOUNDS[field];
      const value = limits[field];
      check.require(Number.isInteger(value) && value >= min && value <= max, `body.sessionTimeouts.${role}.${field}`, `must be a whole number from ${min} to ${max}`);
    }
    next[role as StaffRole] = { idleMinutes: limits.idleMinutes, absoluteHours: limits.absoluteHours };
  }
  return next;
}

/** The limits a session starts with: restricted sign-in stages end soonest, then the role's policy. */
export function timeoutsFor(role: Role | null, stage: SessionStage, policy: SessionTimeoutPolicy): SessionTimeouts {
  if (stage !== 'full') return RESTRICTED_TIMEOUTS;
  if (!isStaffRole(role)) return CUSTOMER_TIMEOUTS;
  const limits = policy[role];
  return { idleMs: limits.idleMinutes * MS_PER_MINUTE, absoluteMs: limits.absoluteHours * MS_PER_HOUR };
}

/**
 * What bounds a live session now, under the organization's current policy for the role the
 * member holds now. The idle limit is the policy's as it stands (a change applies at the next
 * request). The absolute end is the earlier of the end the session started with and sign-in
 * plus the current limit: a stricter policy shortens a running session, a laxer one never
 * lengthens it (only sessions started after the change get the longer limit).
 * Restricted stages and customers (and a session outside any organization: no policy) keep
 * what they started with.
 */
export function currentLimits(session: Session, role: Role | null, policy: SessionTimeoutPolicy | null): { idleMs: number; expiresAt: number } {
  if (policy === null || session.stage !== 'full' || !isStaffRole(role)) return { idleMs: session.idleTimeoutMs, expiresAt: session.expiresAt };
  const now = timeoutsFor(role, 'full', policy);
  return { idleMs: now.idleMs, expiresAt: Math.min(session.expiresAt, session.createdAt + now.absoluteMs) };
}
