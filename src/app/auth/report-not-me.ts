import { invalidRequest } from '../../domain/errors.js';
import { hashToken, newSecretToken } from '../../security/tokens.js';
import type { AppContext } from '../ports.js';
import { RESET_TTL_MS, resetLink } from './password-reset.js';
import { sendResetLink } from './security-notices.js';
import { type ClientInfo, clientActor } from './session-model.js';

const invalidLink = () => invalidRequest('This link is invalid, used or expired', [{ path: 'token', message: 'is invalid or expired' }]);

/**
 * "This wasn't me", from a security notice: every session of the user ends, the password
 * stops working (a reset link goes to their email; second factors stay), and each of their
 * organizations gets a report in its audit trail for the admins.
 */
export async function reportNotMe(ctx: AppContext, token: string, client: ClientInfo): Promise<void> {
  const hash = hashToken(token);
  const now = ctx.clock.now();
  await ctx.uow.write(async (repos) => {
    const t = await repos.accounts.tokens.find(hash);
    const user = t?.userId ? await repos.accounts.users.findById(t.userId) : null;
    if (!t || !user || t.purpose !== 'not_me' || t.expiresAt <= now || !(await repos.accounts.tokens.markUsed(hash, now))) throw invalidLink();
    const ended = await repos.accounts.sessions.revokeAllForUser(user.id, 'reported_not_me', now);
    // The password is treated as known to someone else: it stays refused until a reset.
    await repos.accounts.users.setPassword(user.id, null, user.passwordChangedAt, true);
    await repos.accounts.tokens.expireAll('password_reset', user.id, now);
    const reset = newSecretToken();
    const resetToken = { purpose: 'password_reset', userId: user.id, orgId: null, role: null, createdAt: now, expiresAt: now + RESET_TTL_MS, usedAt: null } as const;
    await repos.accounts.tokens.insert(hashToken(reset), resetToken);
    await sendResetLink(repos, user, resetLink(ctx.publicUrl, reset), now);
    const orgIds = (await repos.accounts.memberships.forUser(user.id)).map((m) => m.orgId);
    for (const orgId of orgIds.length > 0 ? orgIds : [null]) {
      await repos.audit.record({
        orgId,
        actor: clientActor(client, user.id),
        action: 'security.report_not_me',
        objectType: 'user',
        objectIds: [user.id, ...ended],
        outcome: 'success',
        reason: 'sessions_ended_password_blocked',
      });
    }
  });
}
