import { DomainError, conflict } from '../../domain/errors.js';
import { requireAccess } from '../access/require-access.js';
import { audited } from '../audited.js';
import type { AppContext, Repositories } from '../ports.js';
import { membershipActive } from './account-model.js';
import type { AuthContext } from './session-model.js';

export interface MemberActionRefusals {
  /** Why one cannot do it to oneself. */
  self: string;
  /** Why not to someone who also belongs to another organization. */
  otherOrg: string;
}

const DEFAULT_REFUSALS: MemberActionRefusals = {
  self: 'You cannot do this to your own account; use your security settings instead',
  otherOrg: 'This person also belongs to another organization; change their role here instead',
};

/**
 * The checks shared by an owner's or admin's actions on another member's account: a fresh
 * authentication (as for role grants), never on oneself, only an owner acts on an owner, and
 * only on someone who belongs to this organization alone: a user's account is shared by all
 * their organizations, and one organization must not lock a person out of another's.
 * `work` runs in the same transaction; the ids `moreObjectIds` takes from its result join the
 * success audit record.
 */
export async function actOnMember<T>(
  ctx: AppContext,
  auth: AuthContext | null,
  userId: string,
  action: string,
  work: (repos: Repositories, orgId: string, now: number) => Promise<T>,
  options: { refusals?: Partial<MemberActionRefusals>; moreObjectIds?: (result: T) => string[] } = {},
): Promise<T> {
  const refusals = { ...DEFAULT_REFUSALS, ...options.refusals };
  const access = await requireAccess(ctx, auth, 'roles:grant', [{ type: 'member', id: userId }]);
  const audit = { orgId: access.orgId, actor: access.actor, action, objectType: 'user', objectIds: [userId] };
  return audited(ctx.uow, audit, () =>
    ctx.uow.write(async (repos) => {
      const now = ctx.clock.now();
      if (userId === access.userId) throw conflict(refusals.self);
      const memberships = await repos.accounts.memberships.forUser(userId);
      const here = memberships.find((m) => m.orgId === access.orgId);
      if (!here) throw new DomainError('not_found', 'User not found');
      if (here.role === 'owner' && access.role !== 'owner') throw new DomainError('forbidden', 'Only an owner can do this to an owner');
      if (memberships.some((m) => m.orgId !== access.orgId && membershipActive(m, now))) throw conflict(refusals.otherOrg);
      const result = await work(repos, access.orgId, now);
      await repos.audit.record({ ...audit, objectIds: [userId, ...(options.moreObjectIds?.(result) ?? [])], outcome: 'success' });
      return result;
    }),
  );
}
