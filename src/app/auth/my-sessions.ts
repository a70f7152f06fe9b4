import { notFound } from '../../domain/errors.js';
import type { AppContext, Repositories } from '../ports.js';
import { type AuthContext, actorOf } from './session-model.js';

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

/** "My devices": the caller's live sessions, the current one marked. */
export async function listMySessions(ctx: AppContext, auth: AuthContext): Promise<SessionSummary[]> {
  const now = ctx.clock.now();
  const sessions = await ctx.uow.read((repos) => repos.accounts.sessions.listForUser(auth.userId, now));
  return sessions
    .filter((s) => now - s.lastSeenAt < s.idleTimeoutMs)
    .map((s) => ({
      id: s.id,
      current: s.id === auth.sessionId,
      createdAt: iso(s.createdAt),
      lastSeenAt: iso(s.lastSeenAt),
      expiresAt: iso(s.expiresAt),
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
