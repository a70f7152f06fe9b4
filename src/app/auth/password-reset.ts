import { RateLimitedError, invalidRequest } from '../../domain/errors.js';
import { MS_PER_HOUR, MS_PER_MINUTE } from '../../domain/time/units.js';
import { hashPassword } from '../../security/passwords/password-hasher.js';
import { requireStrongPassword } from '../../security/passwords/password-policy.js';
import { hashToken, newSecretToken } from '../../security/tokens.js';
import type { AppContext, Repositories } from '../ports.js';
import { loadThrottle, recordLoginSuccess } from './login-throttle.js';
import { rulesForUser } from './password-rules.js';
import { sendResetLink, sendSecurityNotice } from './security-notices.js';
import { type ClientInfo, clientActor } from './session-model.js';

export const RESET_TTL_MS = 30 * MS_PER_MINUTE;
/** Reset emails per account per hour (more are silently not sent) and requests per address per hour. */
const PER_ACCOUNT = 3;
const PER_ADDRESS = 20;

/** The reset link: built from the configured public URL, never from the request's Host. */
export const resetLink = (publicUrl: string, token: string) => `${publicUrl}/reset-password#${token}`;

async function countWithin(repos: Repositories, key: string, limit: number, now: number): Promise<boolean> {
  const hash = await repos.accounts.throttles.keyFor(key);
  const found = await repos.accounts.throttles.find(hash);
  // A counter per hour: the row's blockedUntil holds the start of the current hour window.
  const fresh = !found || now - found.blockedUntil > MS_PER_HOUR;
  const count = fresh ? 1 : found.failures + 1;
  await repos.accounts.throttles.save(hash, { failures: count, lastFailureAt: now, blockedUntil: fresh ? now : found.blockedUntil });
  return count <= limit;
}

/**
 * "Forgot password": the same answer whether or not the email belongs to an account. A known
 * account gets a single-use link (256 random bits, stored hashed, 30 minutes).
 */
export async function forgotPassword(ctx: AppContext, email: string, client: ClientInfo): Promise<void> {
  const now = ctx.clock.now();
  const limited = await ctx.uow.write(async (repos) => {
    const accountKey = await repos.accounts.users.emailKey(email);
    if (!(await countWithin(repos, `reset_ip:${client.ip ?? 'unknown'}`, PER_ADDRESS, now))) return true;
    const withinAccount = await countWithin(repos, `reset_account:${accountKey}`, PER_ACCOUNT, now);
    const user = await repos.accounts.users.findByEmail(email);
    const objectIds = user ? [user.id] : [];
    const audit = { orgId: null, actor: clientActor(client, null), action: 'auth.password_forgot', objectType: 'user', objectIds };
    if (!user || user.disabledAt !== null || !withinAccount) {
      await repos.audit.record({ ...audit, outcome: 'failure', reason: !withinAccount ? 'quota' : 'unknown_user' });
      return false;
    }
    const token = newSecretToken();
    await repos.accounts.tokens.expireAll('password_reset', user.id, now);
    const expiresAt = now + RESET_TTL_MS;
    const reset = { purpose: 'password_reset', userId: user.id, orgId: null, role: null, createdAt: now, expiresAt, usedAt: null } as const;
    await repos.accounts.tokens.insert(hashToken(token), reset);
    await sendResetLink(repos, user, resetLink(ctx.publicUrl, token), now);
    await repos.audit.record({ ...audit, outcome: 'success' });
    return false;
  });
  if (limited) throw new RateLimitedError(MS_PER_HOUR / 1000);
}

const invalidLink = () => invalidRequest('This reset link is invalid, used or expired; ask for a new one', [{ path: 'token', message: 'is invalid or expired' }]);

/**
 * Sets a new password from a reset link. Ends every session (no automatic sign-in), keeps
 * every second factor, clears the sign-in counters and tells the user.
 */
export async function resetPassword(ctx: AppContext, token: string, password: string, client: ClientInfo): Promise<void> {
  const hash = hashToken(token);
  const found = await ctx.uow.read(async (repos) => {
    const t = await repos.accounts.tokens.find(hash);
    const user = t?.userId ? await repos.accounts.users.findById(t.userId) : null;
    return t && user ? { t, user, rules: await rulesForUser(repos, user) } : null;
  });
  const now = ctx.clock.now();
  if (!found || found.t.purpose !== 'password_reset' || found.t.usedAt !== null || found.t.expiresAt <= now) throw invalidLink();
  requireStrongPassword(password, found.rules);
  const passwordHash = await hashPassword(password);
  const { user } = found;
  await ctx.uow.write(async (repos) => {
    if (!(await repos.accounts.tokens.markUsed(hash, now))) throw invalidLink();
    await repos.accounts.tokens.expireAll('password_reset', user.id, now);
    await repos.accounts.users.setPassword(user.id, passwordHash, now, false);
    const ended = await repos.accounts.sessions.revokeAllForUser(user.id, 'password_reset', now);
    await recordLoginSuccess(repos, await loadThrottle(repos, await repos.accounts.users.emailKey(user.email), client.ip, now));
    await sendSecurityNotice(repos, ctx.publicUrl, user, 'password_changed', now);
    await repos.audit.record({
      orgId: null,
      actor: clientActor(client, user.id),
      action: 'auth.password_reset',
      objectType: 'user',
      objectIds: [user.id, ...ended],
      outcome: 'success',
    });
  });
}
