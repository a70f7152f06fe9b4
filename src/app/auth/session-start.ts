import { newId } from '../../security/ids.js';
import { hashToken, newSecretToken } from '../../security/tokens.js';
import type { Repositories } from '../ports.js';
import { type Membership, membershipActive } from './account-model.js';
import type { OrgSecurityPolicy } from './security-policy.js';
import type { ClientInfo, Session, SessionStage } from './session-model.js';
import { timeoutsFor } from './session-timeout-policy.js';

/** The organization a new session starts in: the user's oldest membership still in force. */
export function activeMembership(memberships: readonly Membership[], now: number): Membership | null {
  return memberships.find((m) => membershipActive(m, now)) ?? null;
}

export interface NewSession {
  userId: string;
  membership: Membership | null;
  stage: SessionStage;
  /** The policy of the membership's organization: its limits for the role. */
  policy: OrgSecurityPolicy;
  authMethods: string[];
  now: number;
  client: ClientInfo;
}

/** Opens a session with a fresh 256-bit secret; returns the secret (for the cookie) once. */
export async function openSession(repos: Repositories, n: NewSession): Promise<{ token: string; session: Session }> {
  const role = n.membership?.role ?? null;
  const timeouts = timeoutsFor(role, n.stage, n.policy.sessionTimeouts);
  const session: Session = {
    id: newId(n.now),
    userId: n.userId,
    orgId: n.membership?.orgId ?? null,
    role,
    stage: n.stage,
    createdAt: n.now,
    lastSeenAt: n.now,
    idleTimeoutMs: timeouts.idleMs,
    expiresAt: n.now + timeouts.absoluteMs,
    authAt: n.now,
    authMethods: n.authMethods,
    ip: n.client.ip,
    userAgent: n.client.userAgent,
    revokedAt: null,
  };
  const token = newSecretToken();
  await repos.accounts.sessions.insert(session, hashToken(token));
  await repos.audit.record({
    orgId: session.orgId,
    actor: { type: 'user', id: n.userId, ip: n.client.ip, userAgent: n.client.userAgent },
    action: 'session.create',
    objectType: 'session',
    objectIds: [session.id],
    outcome: 'success',
    reason: `${n.stage}:${n.authMethods.join('+')}`,
  });
  return { token, session };
}

/** A new secret for an existing session: the old cookie value stops working at once. */
export async function rotateSession(
  repos: Repositories,
  sessionId: string,
  change: { stage?: SessionStage; authAt?: number; authMethods?: string[] },
): Promise<string> {
  const token = newSecretToken();
  await repos.accounts.sessions.rotate(sessionId, hashToken(token), change);
  return token;
}
