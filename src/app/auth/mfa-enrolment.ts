import { DomainError } from '../../domain/errors.js';
import { hashRecoveryCode, newRecoveryCodes } from '../../security/mfa/recovery-codes.js';
import type { Repositories } from '../ports.js';
import type { FactorKind } from './account-model.js';
import { DEFAULT_SECURITY_POLICY } from './security-policy.js';
import { sendSecurityNotice } from './security-notices.js';
import { type AuthContext, type SessionStage, actorOf } from './session-model.js';
import { rotateSession } from './session-start.js';
import { timeoutsFor } from './session-timeout-policy.js';
import { stageAfterSignIn } from './sign-in-stage.js';
import { requireRecentAuth } from './step-up.js';

/** A session that must enrol may; a full one needs a fresh authentication (changing MFA is sensitive). */
export function requireMayChangeMfa(auth: AuthContext, now: number): void {
  if (auth.stage === 'password_change') throw new DomainError('forbidden', 'Change your password first');
  if (auth.stage === 'full') requireRecentAuth(auth, now);
}

export interface EnrolmentDone {
  /** Shown once, when the user's first factor gave them their recovery codes. */
  recoveryCodes: string[] | null;
  stage: SessionStage;
  /** A new session secret when enrolment finished sign-in (the session was rotated). */
  token: string | null;
}

/**
 * After a factor is confirmed: the first one brings 10 recovery codes; a session that was
 * waiting for enrolment moves on (rotated, since it now stands on a second factor).
 */
export async function completeEnrolment(repos: Repositories, publicUrl: string, auth: AuthContext, kind: FactorKind, now: number): Promise<EnrolmentDone> {
  let recoveryCodes: string[] | null = null;
  if ((await repos.accounts.recoveryCodes.countUnused(auth.userId)) === 0) {
    recoveryCodes = newRecoveryCodes();
    await repos.accounts.recoveryCodes.replaceAll(auth.userId, recoveryCodes.map(hashRecoveryCode), now);
  }
  await repos.audit.record({
    orgId: auth.orgId,
    actor: actorOf(auth),
    action: 'mfa.enrol',
    objectType: 'user',
    objectIds: [auth.userId],
    outcome: 'success',
    reason: kind,
  });
  const user = await repos.accounts.users.findById(auth.userId);
  if (!user) throw new DomainError('unauthenticated', 'Sign in first');
  await sendSecurityNotice(repos, publicUrl, user, 'mfa_added', now);
  if (auth.stage !== 'mfa_enrolment') return { recoveryCodes, stage: auth.stage, token: null };
  const policy = auth.orgId ? await repos.accounts.securityPolicies.forOrg(auth.orgId) : DEFAULT_SECURITY_POLICY;
  const stage = stageAfterSignIn(user, auth.role, policy, true);
  const token = await rotateSession(repos, auth.sessionId, { stage, authAt: now, authMethods: [...auth.authMethods, kind] });
  const timeouts = timeoutsFor(auth.role, stage, policy.sessionTimeouts);
  await repos.accounts.sessions.setOrg(auth.sessionId, auth.orgId, auth.role, timeouts.idleMs, now + timeouts.absoluteMs);
  return { recoveryCodes, stage, token };
}
