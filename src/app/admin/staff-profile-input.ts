import { DomainError, conflict, invalidRequest, notFound } from '../../domain/errors.js';
import type { StaffProfile } from '../../domain/model.js';
import { isValidTimeZone } from '../../domain/time/zone-offsets.js';
import { STAFF_ROLES } from '../access/roles.js';
import { membershipActive } from '../auth/account-model.js';
import { InputCheck } from '../input-rules.js';
import type { Repositories } from '../ports.js';

/** What an admin sets on a staff member; fields left out keep their value. */
export interface StaffChange {
  name?: string;
  /** The zone their working hours are read in. */
  timeZone?: string;
  /** False: no longer offered for booking; their bookings stay. */
  active?: boolean;
  /** The user account they sign in with (a member of the same organization), or null for none. */
  userId?: string | null;
  /** Work email for staff notices, or null for none. */
  email?: string | null;
  /** Work phone, normalized to E.164, or null for none. */
  phone?: string | null;
  /** The services they offer (replaces the list). */
  serviceIds?: string[];
}

/** Checks every given field at once (400 listing every problem); returns them normalized. */
export function cleanStaffChange(change: StaffChange): StaffChange {
  const check = new InputCheck();
  const clean: StaffChange = {};
  if (change.name !== undefined) clean.name = check.line('name', change.name ?? '', 200);
  if (change.timeZone !== undefined) {
    check.require(isValidTimeZone(change.timeZone), 'timeZone', 'must be an IANA time zone such as Europe/Berlin');
    clean.timeZone = change.timeZone;
  }
  if (change.active !== undefined) {
    check.require(typeof change.active === 'boolean', 'active', 'must be true or false');
    clean.active = change.active;
  }
  if (change.userId !== undefined) clean.userId = change.userId;
  if (change.email !== undefined) clean.email = change.email === null ? null : check.email('email', change.email);
  if (change.phone !== undefined) clean.phone = change.phone === null ? null : check.phone('phone', change.phone);
  if (change.serviceIds !== undefined) {
    check.require(Array.isArray(change.serviceIds) && change.serviceIds.length <= 500, 'serviceIds', 'must be a list of at most 500 service ids');
    clean.serviceIds = Array.isArray(change.serviceIds) ? [...new Set(change.serviceIds)] : [];
  }
  check.done();
  return clean;
}

/**
 * Applies a checked change to a staff member inside the caller's transaction: the account
 * must be a staff member of the same organization (else 404) and not linked to another staff
 * record (409); every service must be the organization's (400).
 */
export async function saveStaffChange(repos: Repositories, current: StaffProfile, change: StaffChange, now: number): Promise<StaffProfile> {
  const orgId = current.orgId;
  if (change.userId != null && change.userId !== current.userId) {
    const membership = await repos.accounts.memberships.find(change.userId, orgId);
    if (!membership || !membershipActive(membership, now) || !STAFF_ROLES.includes(membership.role)) throw notFound('User');
    const linked = await repos.staff.findByUserId(orgId, change.userId);
    if (linked && linked.id !== current.id) throw conflict('This user is already linked to another staff member');
  }
  if (change.serviceIds !== undefined) {
    const known = new Set((await repos.services.listAll(orgId)).map((s) => s.id));
    const unknown = change.serviceIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw invalidRequest(
        'Unknown service',
        unknown.map((id) => ({ path: `serviceIds[${change.serviceIds?.indexOf(id)}]`, message: 'is not a service of this organization' })),
      );
    }
  }
  const { serviceIds, ...fields } = change;
  const next: StaffProfile = { ...current, ...fields, serviceIds: serviceIds ?? current.serviceIds };
  await repos.staff.update(next, serviceIds);
  return next;
}

/** The profile of one staff member of the org (404 for another org's). */
export async function requireProfile(repos: Repositories, orgId: string, staffId: string): Promise<StaffProfile> {
  const [profile] = await repos.staff.profiles(orgId, [staffId]);
  if (!profile) throw new DomainError('not_found', 'Staff member not found');
  return profile;
}
