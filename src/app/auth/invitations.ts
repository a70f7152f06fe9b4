import { DomainError, invalidRequest } from '../../domain/errors.js';
import { MS_PER_DAY } from '../../domain/time/units.js';
import { hashToken, newSecretToken } from '../../security/tokens.js';
import { requireAccess } from '../access/require-access.js';
import { isRole } from '../access/roles.js';
import type { AppContext, Repositories } from '../ports.js';
import { createUser } from './create-user.js';
import { type AuthContext, type ClientInfo, clientActor } from './session-model.js';

export const INVITATION_TTL_MS = 7 * MS_PER_DAY;

export interface Invitation {
  /** Shown once, to the inviter, who passes it on; only its hash is kept. */
  link: string;
  role: string;
  expiresAt: string;
}

/** An invitation link to join the caller's organization with a role (step-up, like any role grant). */
export async function inviteMember(ctx: AppContext, auth: AuthContext | null, role: string): Promise<Invitation> {
  const access = await requireAccess(ctx, auth, 'roles:grant');
  if (!isRole(role)) throw invalidRequest('Unknown role', [{ path: 'body.role', message: 'must be owner, admin, staff, receptionist, auditor or customer' }]);
  if (role === 'owner' && access.role !== 'owner') throw new DomainError('forbidden', 'Only an owner can invite owners');
  const now = ctx.clock.now();
  const token = newSecretToken();
  const expiresAt = now + INVITATION_TTL_MS;
  await ctx.uow.write(async (repos) => {
    const invitation = { purpose: 'invitation', userId: null, orgId: access.orgId, role, createdAt: now, expiresAt, usedAt: null } as const;
    await repos.accounts.tokens.insert(hashToken(token), invitation);
    await repos.audit.record({
      orgId: access.orgId,
      actor: access.actor,
      action: 'invitation.create',
      objectType: 'organization',
      objectIds: [access.orgId],
      outcome: 'success',
      reason: `role:${role}`,
    });
  });
  return { link: `${ctx.publicUrl}/invite#${token}`, role, expiresAt: new Date(expiresAt).toISOString() };
}

export interface AcceptInvitation {
  token: string;
  /** For someone without an account: the account to create. */
  email?: string;
  name?: string;
  password?: string;
}

const invalidLink = () => invalidRequest('This invitation is invalid, used or expired', [{ path: 'token', message: 'is invalid or expired' }]);

/**
 * Accepts an invitation: a signed-in user joins with the invited role; anyone else creates an
 * account (the password must pass the org's rules). The link works once.
 */
export async function acceptInvitation(ctx: AppContext, auth: AuthContext | null, input: AcceptInvitation, client: ClientInfo): Promise<{ userId: string; orgId: string; role: string }> {
  const hash = hashToken(input.token);
  const now = ctx.clock.now();
  const invitation = await ctx.uow.read(async (repos) => {
    const t = await repos.accounts.tokens.find(hash);
    const org = t?.orgId ? await repos.orgs.findById(t.orgId) : null;
    return t && org && t.purpose === 'invitation' && t.usedAt === null && t.expiresAt > now && isRole(t.role) ? { org, role: t.role } : null;
  });
  if (!invitation) throw invalidLink();
  const { org, role } = invitation;
  const spend = async (repos: Repositories) => {
    if (!(await repos.accounts.tokens.markUsed(hash, now))) throw invalidLink();
  };
  const audit = (userId: string) => ({
    orgId: org.id,
    actor: clientActor(client, userId),
    action: 'invitation.accept',
    objectType: 'user',
    objectIds: [userId],
    outcome: 'success' as const,
    reason: `role:${role}`,
  });
  if (!auth) {
    if (!input.email || !input.name || !input.password) {
      throw invalidRequest('Sign in first, or give the account to create', [{ path: 'body', message: 'email, name and password are required' }]);
    }
    const account = { orgSlug: org.slug, email: input.email, name: input.name, role, password: input.password };
    const created = await createUser(ctx, account, clientActor(client, null), spend);
    await ctx.uow.write((repos) => repos.audit.record(audit(created.id)));
    return { userId: created.id, orgId: org.id, role };
  }
  const userId = auth.userId;
  await ctx.uow.write(async (repos) => {
    await spend(repos);
    if (await repos.accounts.memberships.find(userId, org.id)) throw new DomainError('conflict', 'You are already a member of this organization');
    await repos.accounts.memberships.upsert({ userId, orgId: org.id, role, expiresAt: null, createdAt: now });
    await repos.audit.record(audit(userId));
  });
  return { userId, orgId: org.id, role };
}
