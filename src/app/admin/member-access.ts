import { DomainError, conflict } from '../../domain/errors.js';
import { membershipActive } from '../auth/account-model.js';
import { actOnMember } from '../auth/member-action.js';
import type { MemberView } from '../auth/org-members.js';
import { sendSecurityNotice } from '../auth/security-notices.js';
import type { AuthContext } from '../auth/session-model.js';
import type { AppContext, Repositories } from '../ports.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

async function memberView(repos: Repositories, orgId: string, userId: string): Promise<MemberView> {
  const user = await repos.accounts.users.findById(userId);
  const m = await repos.accounts.memberships.find(userId, orgId);
  if (!user || !m) throw new DomainError('not_found', 'User not found');
  return { userId, email: user.email, name: user.name, role: m.role, expiresAt: iso(m.expiresAt), disabledAt: iso(user.disabledAt) };
}

/**
 * Disables a member's account: every session ends at once and sign-in is refused until an
 * owner or admin enables it again. The organization keeps at least one enabled owner.
 */
export async function disableMember(ctx: AppContext, auth: AuthContext | null, userId: string): Promise<MemberView> {
  return actOnMember(ctx, auth, userId, 'member.disable', async (repos, orgId, now) => {
    const user = await repos.accounts.users.findById(userId);
    if (!user) throw new DomainError('not_found', 'User not found');
    const owners = (await repos.accounts.memberships.listOrg(orgId)).filter((m) => m.role === 'owner' && membershipActive(m, now));
    if (owners.some((m) => m.userId === userId)) {
      let enabledOthers = 0;
      for (const o of owners) if (o.userId !== userId && (await repos.accounts.users.findById(o.userId))?.disabledAt === null) enabledOthers++;
      if (enabledOthers === 0) throw conflict('An organization keeps at least one enabled owner');
    }
    if (user.disabledAt === null) await repos.accounts.users.setDisabled(userId, now);
    await repos.accounts.sessions.revokeAllForUser(userId, 'user_disabled', now);
    return memberView(repos, orgId, userId);
  });
}

/** Lets a disabled member sign in again. */
export async function enableMember(ctx: AppContext, auth: AuthContext | null, userId: string): Promise<MemberView> {
  return actOnMember(ctx, auth, userId, 'member.enable', async (repos, orgId) => {
    await repos.accounts.users.setDisabled(userId, null);
    return memberView(repos, orgId, userId);
  });
}

/**
 * Removes every second factor and recovery code of a member (a lost phone, say) and ends
 * their sessions: they enrol again at their next sign-in when their role requires MFA. The
 * member is told by email, with a "this wasn't me" link.
 */
export async function resetMemberMfa(ctx: AppContext, auth: AuthContext | null, userId: string): Promise<MemberView> {
  return actOnMember(ctx, auth, userId, 'member.mfa_reset', async (repos, orgId, now) => {
    const user = await repos.accounts.users.findById(userId);
    if (!user) throw new DomainError('not_found', 'User not found');
    for (const f of await repos.accounts.factors.listForUser(userId)) await repos.accounts.factors.delete(userId, f.id);
    await repos.accounts.recoveryCodes.replaceAll(userId, [], now);
    await repos.accounts.sessions.revokeAllForUser(userId, 'mfa_reset', now);
    await sendSecurityNotice(repos, ctx.publicUrl, user, 'mfa_reset', now);
    return memberView(repos, orgId, userId);
  });
}
