import { hashToken } from '../../security/tokens.js';
import type { Role } from '../access/roles.js';
import type { AppContext, Repositories } from '../ports.js';
import { membershipActive } from './account-model.js';
import type { AuthContext, ClientInfo, Session } from './session-model.js';
import { currentLimits, isStaffRole } from './session-timeout-policy.js';

// Activity is written at most this often: idle timeouts stay accurate to a few seconds.
const TOUCH_EVERY_MS = 5_000;

/**
 * The caller's session from their cookie value, enforced on the server: revoked, past its
 * absolute end, idle too long, its user disabled or its membership ended all mean "none".
 * The role is read from the membership on every request, so a change applies at once; so are
 * the organization's session limits for that role (see currentLimits).
 */
export async function resolveSession(ctx: AppContext, token: string, client: ClientInfo): Promise<AuthContext | null> {
  const now = ctx.clock.now();
  const found = await ctx.uow.read(async (repos) => {
    const session = await repos.accounts.sessions.findByTokenHash(hashToken(token));
    if (!session || session.revokedAt !== null) return null;
    const user = await repos.accounts.users.findById(session.userId);
    const membership = session.orgId ? await repos.accounts.memberships.find(session.userId, session.orgId) : null;
    return { session, user, membership, limits: await sessionLimits(repos, session, membership?.role ?? null) };
  });
  if (!found) return null;
  const { session, user, membership, limits } = found;
  const ended =
    now >= limits.expiresAt
      ? 'absolute_timeout'
      : now - session.lastSeenAt >= limits.idleMs
        ? 'idle_timeout'
        : !user || user.disabledAt !== null
          ? 'user_disabled'
          : session.orgId !== null && (!membership || !membershipActive(membership, now))
            ? 'membership_ended'
            : null;
  if (ended) {
    await ctx.uow.write((repos) => endSession(repos, session, ended, now, client));
    return null;
  }
  if (now - session.lastSeenAt >= TOUCH_EVERY_MS) await ctx.uow.write((repos) => repos.accounts.sessions.touch(session.id, now));
  return {
    userId: session.userId,
    sessionId: session.id,
    orgId: session.orgId,
    role: membership?.role ?? null,
    stage: session.stage,
    authAt: session.authAt,
    authMethods: session.authMethods,
    ip: client.ip,
    userAgent: client.userAgent,
  };
}

/** What bounds the session now (see currentLimits); the policy is read only for a full staff session. */
export async function sessionLimits(repos: Repositories, session: Session, role: Role | null): Promise<{ idleMs: number; expiresAt: number }> {
  const policy = session.orgId !== null && session.stage === 'full' && isStaffRole(role) ? await repos.accounts.securityPolicies.forOrg(session.orgId) : null;
  return currentLimits(session, role, policy?.sessionTimeouts ?? null);
}

async function endSession(repos: Repositories, session: Session, reason: string, now: number, client: ClientInfo): Promise<void> {
  if (!(await repos.accounts.sessions.revoke(session.id, reason, now))) return;
  await repos.audit.record({
    orgId: session.orgId,
    actor: { type: 'system', id: null, ip: client.ip, userAgent: client.userAgent },
    action: 'session.end',
    objectType: 'session',
    objectIds: [session.id],
    outcome: 'success',
    reason,
  });
}
