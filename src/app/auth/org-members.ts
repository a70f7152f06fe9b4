import { DomainError, invalidRequest } from '../../domain/errors.js';
import { type AccessObject, requireAccess } from '../access/require-access.js';
import { type Role, isRole } from '../access/roles.js';
import type { AppContext } from '../ports.js';
import { membershipActive } from './account-model.js';
import type { AuthContext } from './session-model.js';

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: Role;
  expiresAt: string | null;
  /** When the account was disabled (it cannot sign in), or null. */
  disabledAt: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The people of the caller's organization (the session's, never one named in the request). */
export async function listMembers(ctx: AppContext, auth: AuthContext | null): Promise<MemberView[]> {
  const access = await requireAccess(ctx, auth, 'members:read');
  const now = ctx.clock.now();
  return ctx.uow.read(async (repos) => {
    const out: MemberView[] = [];
    for (const m of await repos.accounts.memberships.listOrg(access.orgId)) {
      const user = await repos.accounts.users.findById(m.userId);
      if (!user || !membershipActive(m, now)) continue;
      out.push({
        userId: user.id,
        email: user.email,
        name: user.name,
        role: m.role,
        expiresAt: iso(m.expiresAt),
        disabledAt: iso(user.disabledAt),
      });
    }
    return out;
  });
}

export interface RoleGrant {
  role: string;
  expiresAt?: string | null;
}

/**
 * Changes a member's role (and expiry, e.g. for an outside auditor). Needs a fresh
 * authentication; only an owner makes or unmakes owners; the last owner stays an owner.
 * Takes effect at the member's next request: sessions read the role from the membership.
 */
export async function grantRole(ctx: AppContext, auth: AuthContext | null, userId: string, grant: RoleGrant): Promise<MemberView> {
  const target: AccessObject = { type: 'member', id: userId };
  const access = await requireAccess(ctx, auth, 'roles:grant', [target]);
  const now = ctx.clock.now();
  if (!isRole(grant.role)) throw invalidRequest('Unknown role', [{ path: 'body.role', message: 'must be owner, admin, staff, receptionist, auditor or customer' }]);
  const role = grant.role;
  const expiresAt = grant.expiresAt ? Date.parse(grant.expiresAt) : null;
  if (expiresAt !== null && (Number.isNaN(expiresAt) || expiresAt <= now)) {
    throw invalidRequest('The expiry must be a future instant', [{ path: 'body.expiresAt', message: 'must be ISO 8601 with an offset, in the future' }]);
  }
  return ctx.uow.write(async (repos) => {
    const current = await repos.accounts.memberships.find(userId, access.orgId);
    const user = await repos.accounts.users.findById(userId);
    if (!current || !user) throw new DomainError('not_found', 'User not found');
    if ((role === 'owner' || current.role === 'owner') && access.role !== 'owner') throw new DomainError('forbidden', 'Only an owner can make or unmake owners');
    if (current.role === 'owner' && role !== 'owner') {
      const owners = (await repos.accounts.memberships.listOrg(access.orgId)).filter((m) => m.role === 'owner' && membershipActive(m, now));
      if (owners.length <= 1) throw new DomainError('conflict', 'An organization keeps at least one owner');
    }
    await repos.accounts.memberships.upsert({ ...current, role, expiresAt });
    await repos.audit.record({
      orgId: access.orgId,
      actor: access.actor,
      action: 'role.grant',
      objectType: 'user',
      objectIds: [userId],
      outcome: 'success',
      reason: `${current.role}->${role}`,
    });
    return { userId, email: user.email, name: user.name, role, expiresAt: iso(expiresAt), disabledAt: iso(user.disabledAt) };
  });
}
