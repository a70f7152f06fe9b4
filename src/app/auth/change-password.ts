import { DomainError, RateLimitedError } from '../../domain/errors.js';
import { hashPassword, verifyPassword } from '../../security/passwords/password-hasher.js';
import { requireStrongPassword } from '../../security/passwords/password-policy.js';
import type { AppContext } from '../ports.js';
import { loadThrottle, recordLoginFailure, throttleWait } from './login-throttle.js';
import { rulesForUser } from './password-rules.js';
import { DEFAULT_SECURITY_POLICY } from './security-policy.js';
import { sendSecurityNotice } from './security-notices.js';
import { type AuthContext, type ClientInfo, type SessionStage, actorOf } from './session-model.js';
import { rotateSession } from './session-start.js';
import { timeoutsFor } from './session-timeout-policy.js';
import { stageAfterSignIn } from './sign-in-stage.js';

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  /** Sign out every other device too (offered to the user; forced when the old one was compromised). */
  endOtherSessions: boolean;
}

/**
 * Changes the password of the signed-in user: the current one is needed (and throttled like a
 * sign-in), the new one must pass the rules; the user is told. A session that had to replace a
 * compromised password becomes a full one (with a new id), and every other session ends.
 */
export async function changePassword(
  ctx: AppContext,
  auth: AuthContext,
  input: PasswordChange,
  client: ClientInfo,
): Promise<{ stage: SessionStage; token: string }> {
  const loaded = await ctx.uow.read(async (repos) => {
    const user = await repos.accounts.users.findById(auth.userId);
    return user ? { user, rules: await rulesForUser(repos, user) } : null;
  });
  if (!loaded) throw new DomainError('unauthenticated', 'Sign in first');
  const { user, rules } = loaded;
  const currentOk = (await verifyPassword(user.passwordHash, input.currentPassword)).ok;
  const now = ctx.clock.now();
  const refused = await ctx.uow.write(async (repos) => {
    const throttle = await loadThrottle(repos, await repos.accounts.users.emailKey(user.email), client.ip, now);
    const wait = throttleWait(throttle, now);
    if (wait > 0) return wait;
    if (currentOk) return 0;
    await recordLoginFailure(repos, throttle, now);
    await repos.audit.record({
      orgId: auth.orgId,
      actor: actorOf(auth),
      action: 'auth.password_change',
      objectType: 'user',
      objectIds: [user.id],
      outcome: 'failure',
      reason: 'invalid_credentials',
    });
    return -1;
  });
  if (refused > 0) throw new RateLimitedError(refused / 1000);
  if (refused < 0) throw new DomainError('invalid_credentials', 'The current password is not correct');
  if (input.newPassword === input.currentPassword) {
    throw new DomainError('weak_password', 'Choose a password you have not used here before', [
      {
        path: 'newPassword',
        reason: 'unchanged',
        message: 'The new password is the current one.',
        i18n: { en: 'The new password is the current one.', 'zh-CN': '新密码与当前密码相同。' },
      },
    ]);
  }
  requireStrongPassword(input.newPassword, rules, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  return ctx.uow.write(async (repos) => {
    await repos.accounts.users.setPassword(user.id, passwordHash, now, false);
    const endOthers = input.endOtherSessions || user.passwordCompromised;
    const ended = endOthers ? await repos.accounts.sessions.revokeAllForUser(user.id, 'password_changed', now, auth.sessionId) : [];
    const policy = auth.orgId ? await repos.accounts.securityPolicies.forOrg(auth.orgId) : DEFAULT_SECURITY_POLICY;
    const stage = auth.stage === 'password_change' ? stageAfterSignIn({ ...user, passwordCompromised: false }, auth.role, policy, true) : auth.stage;
    const token = await rotateSession(repos, auth.sessionId, { stage, authAt: now, authMethods: ['password'] });
    const timeouts = timeoutsFor(auth.role, stage, policy.sessionTimeouts);
    if (stage !== auth.stage) await repos.accounts.sessions.setOrg(auth.sessionId, auth.orgId, auth.role, timeouts.idleMs, now + timeouts.absoluteMs);
    await sendSecurityNotice(repos, ctx.publicUrl, user, 'password_changed_by_user', now);
    await repos.audit.record({
      orgId: auth.orgId,
      actor: actorOf(auth),
      action: 'auth.password_change',
      objectType: 'user',
      objectIds: [user.id, ...ended],
      outcome: 'success',
    });
    return { stage, token };
  });
}
