import { DomainError, notFound } from '../../domain/errors.js';
import type { Booking } from '../../domain/model.js';
import { type Access, type AccessObject, requireAccess } from '../access/require-access.js';
import type { Permission } from '../access/permissions.js';
import type { AuthContext } from '../auth/session-model.js';
import type { AppContext } from '../ports.js';

/**
 * What a desk caller may see: owners, admins, receptionists and auditors the whole calendar;
 * a staff member only the bookings of the staff member linked to their user (none when no
 * staff member is linked).
 */
export interface DeskAccess extends Access {
  /** 'all', or the one staff member whose bookings the caller may see (null: nobody's). */
  scope: 'all' | { staffId: string | null };
  /** Booking notes and intake answers (health notes) are shown to this caller. */
  readsHealthNotes: boolean;
}

export async function requireDeskAccess(
  ctx: AppContext,
  auth: AuthContext | null,
  permission: Permission,
  objects: readonly AccessObject[] = [],
): Promise<DeskAccess> {
  const access = await requireAccess(ctx, auth, permission, objects);
  // An API key never reads health notes (no such scope); a person by their role.
  const readsHealthNotes = access.allows('health_notes:read');
  if (access.role !== 'staff') return { ...access, scope: 'all', readsHealthNotes };
  const me = await ctx.uow.read((repos) => repos.staff.findByUserId(access.orgId, access.userId));
  return { ...access, scope: { staffId: me?.id ?? null }, readsHealthNotes };
}

/** The staff member the caller is limited to, or null when they see everyone's bookings. */
export function onlyStaffId(access: DeskAccess): string | null {
  if (access.scope === 'all') return null;
  // A staff user without a linked staff member sees nothing: an id no booking has.
  return access.scope.staffId ?? '-';
}

/** A booking outside the caller's scope answers exactly like one that does not exist. */
export function requireInScope(access: DeskAccess, booking: Booking | null): Booking {
  const only = onlyStaffId(access);
  if (!booking || (only !== null && booking.staffId !== only)) throw notFound('Booking');
  return booking;
}

/** Staff book and move bookings for themselves only. */
export function requireOwnStaff(access: DeskAccess, staffId: string | null | undefined): string | null {
  const only = onlyStaffId(access);
  if (only === null) return staffId ?? null;
  if (access.scope !== 'all' && access.scope.staffId === null) {
    throw new DomainError('forbidden', 'Your user is not linked to a staff member');
  }
  if (staffId && staffId !== only) throw new DomainError('forbidden', 'Staff members act on their own calendar only');
  return only;
}
