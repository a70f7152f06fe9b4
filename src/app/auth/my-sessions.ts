import { notFound } from '../../domain/errors.js';
import type { AppContext, Repositories } from '../ports.js';
import { sessionLimits } from './resolve-session.js';
import { type AuthContext, type Session, actorOf } from './session-model.js';

export interface SessionSummary {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  authMethods: string[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** "My devices": the caller's live sessions (by the limits that bind them now), the current one marked. */
export async function listMySessions(ctx: AppContext, auth: AuthContext): Promise<SessionSummary[]> {
  const now = ctx.clock.now();
  const live = await ctx.uow.read(async (repos) => {
    const roles = new Map((await repos.accounts.memberships.forUser(auth.userId)).map((m) => [m.orgId, m.role]));
    const out: { session: Session; expiresAt: number }[] = [];
    for (const session of await repos.accounts.sessions.listForUser(auth.userId, now)) {
      const limits = await sessionLimits(repos, session, session.orgId ? (roles.get(session.orgId) ?? null) : null);
      if (now < limits.expiresAt && now - session.lastSeenAt < limits.idleMs) out.push({ session, expiresAt: limits.expiresAt });
    }
    return out;
  });
  return live.map(({ session: s, expiresAt }) => ({
    id: s.id,
    current: s.id === auth.sessionId,
    createdAt: iso(s.createdAt),
    lastSeenAt: iso(s.lastSeenAt),
    expiresAt: iso(expiresAt),
    ip: s.ip,
    userAgent: s.userAgent,
    authMethods: s.authMethods,
  }));
}

async function recordRevoke(repos: Repositories, auth: AuthContext, ids: string[], reason: string): Promise<void> {
  await repos.audit.record({
    orgId: auth.orgId,
    actor: actorOf(auth),
    action: reason === 'logout' ? 'auth.logout' : 'session.revoke',
    objectType: 'session',
    objectIds: ids,
    outcome: 'success',
    reason,
  });
}

/** Ends one of the caller's sessions; another user's session id is simply not found. */
export async function revokeMySession(ctx: AppContext, auth: AuthContext, sessionId: string): Promise<void> {
  await ctx.uow.write(async (repos) => {
    const session = await repos.accounts.sessions.findById(auth.userId, sessionId);
    if (!session || session.revokedAt !== null) throw notFound('Session');
    await repos.accounts.sessions.revoke(session.id, 'revoked_by_user', ctx.clock.now());
    await recordRevoke(repos, auth, [session.id], 'revoked_by_user');
  });
}

/** Ends every session of the caller, or every other one; returns how many ended. */
export async function revokeAllMySessions(ctx: AppContext, auth: AuthContext, keepCurrent: boolean): Promise<number> {
  return ctx.uow.write(async (repos) => {
    const except = keepCurrent ? auth.sessionId : null;
    const ids = await repos.accounts.sessions.revokeAllForUser(auth.userId, 'revoked_by_user', ctx.clock.now(), except);
    await recordRevoke(repos, auth, ids, 'revoked_by_user');
    return ids.length;
  });
}

export async function logout(ctx: AppContext, auth: AuthContext): Promise<void> {
  await ctx.uow.write(async (repos) => {
    await repos.accounts.sessions.revoke(auth.sessionId, 'logout', ctx.clock.now());
    await recordRevoke(repos, auth, [auth.sessionId], 'logout');
  });
}
