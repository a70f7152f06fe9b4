import { DomainError, notFound } from '../../domain/errors.js';
import { membershipActive } from '../auth/account-model.js';
import { type AuthContext, actorOf } from '../auth/session-model.js';
import { requireRecentAuth } from '../auth/step-up.js';
import type { Actor, AppContext, Repositories } from '../ports.js';
import { type Permission, STEP_UP_PERMISSIONS, roleAllows } from './permissions.js';
import type { Role } from './roles.js';

/** An object the action touches, looked up inside the caller's organization only. */
export interface AccessObject {
  type: 'booking' | 'customer' | 'service' | 'staff' | 'member';
  id: string;
}

/** What a granted action may rely on: the tenant and role, from the session, never from the request. */
export interface Access {
  /** The signed-in user, or an API key's id (see AuthContext). */
  userId: string;
  orgId: string;
  role: Role;
  /** Who to record in the audit log. */
  actor: Actor;
  /** The API key acting, or null for a person. */
  apiKeyId: string | null;
  /**
   * Whether the caller may also do `permission`: for a use case that shows more to some
   * callers. Use this, not roleAllows(role, ...): a key may do only what its scopes say.
   */
  allows(permission: Permission): boolean;
}

/** A person's role grants, or exactly an API key's scopes (never a step-up action: a key cannot re-authenticate). */
function callerAllows(auth: AuthContext, permission: Permission): boolean {
  if (auth.apiKey) return !STEP_UP_PERMISSIONS.has(permission) && (auth.apiKey.scopes as readonly Permission[]).includes(permission);
  return auth.role !== null && roleAllows(auth.role, permission);
}

async function inOrg(repos: Repositories, orgId: string, o: AccessObject, now: number): Promise<boolean> {
  switch (o.type) {
    case 'booking':
      return (await repos.bookings.findById(orgId, o.id)) !== null;
    case 'customer':
      return (await repos.customers.findById(orgId, o.id)) !== null;
    case 'service':
      return (await repos.services.findById(orgId, o.id)) !== null;
    case 'staff':
      return (await repos.staff.findById(orgId, o.id)) !== null;
    case 'member': {
      const m = await repos.accounts.memberships.find(o.id, orgId);
      return m !== null && membershipActive(m, now);
    }
  }
}

/**
 * The one access check every signed-in use case starts with: a full session (or an API key), a
 * role in the session's organization that allows `permission` (a key: one of its scopes), a fresh authentication for sensitive
 * permissions, and every named object inside that organization (another tenant's: 404,
 * exactly as if it did not exist). Refusals are audited.
 */
export async function requireAccess(
  ctx: AppContext,
  auth: AuthContext | null,
  permission: Permission,
  objects: readonly AccessObject[] = [],
): Promise<Access> {
  if (!auth) throw new DomainError('unauthenticated', 'Sign in first');
  const now = ctx.clock.now();
  const deny = async (error: DomainError, objectIds: string[] = []) => {
    await ctx.uow.write((repos) =>
      repos.audit.record({
        orgId: auth.orgId,
        actor: actorOf(auth),
        action: `access.${permission}`,
        objectType: objects[0]?.type ?? 'organization',
        objectIds,
        outcome: 'denied',
        reason: error.code,
      }),
    );
    return error;
  };
  if (auth.stage !== 'full') throw await deny(new DomainError('mfa_required', 'Finish signing in first'));
  if (!auth.orgId || !auth.role || !callerAllows(auth, permission)) {
    throw await deny(new DomainError('forbidden', auth.apiKey ? "This API key's scopes do not allow this" : 'Your role does not allow this'));
  }
  if (STEP_UP_PERMISSIONS.has(permission)) requireRecentAuth(auth, now);
  const orgId = auth.orgId;
  const missing = await ctx.uow.read(async (repos) => {
    for (const o of objects) if (!(await inOrg(repos, orgId, o, now))) return o;
    return null;
  });
  if (missing) throw await deny(notFound(missing.type === 'member' ? 'User' : missing.type.replace(/^./, (c) => c.toUpperCase())), [missing.id]);
  return {
    userId: auth.userId,
    orgId,
    role: auth.role,
    actor: actorOf(auth),
    apiKeyId: auth.apiKey?.id ?? null,
    allows: (p) => callerAllows(auth, p),
  };
}
