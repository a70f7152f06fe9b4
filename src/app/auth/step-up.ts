import { DomainError, RateLimitedError } from '../../domain/errors.js';
import { verifyPassword } from '../../security/passwords/password-hasher.js';
import type { RelyingParty } from '../../security/mfa/webauthn.js';
import { STEP_UP_MAX_AGE_MS } from '../../security/sessions/session-timeouts.js';
import { hashToken } from '../../security/tokens.js';
import type { AppContext } from '../ports.js';
import { loadThrottle, recordLoginFailure, throttleWait } from './login-throttle.js';
import { type FactorAnswer, checkSecondFactor } from './second-factor.js';
import { type AuthContext, type ClientInfo, actorOf } from './session-model.js';
import { rotateSession } from './session-start.js';

/** Sensitive actions (email, phone, MFA, roles, exports, keys) need an authentication this fresh. */
export function requireRecentAuth(auth: AuthContext, now: number): void {
  if (now - auth.authAt > STEP_UP_MAX_AGE_MS) {
    throw new DomainError('reauth_required', 'Confirm it is you (password or second factor) to continue');
  }
}

export type ReauthInput = { method: 'password'; password: string } | FactorAnswer;

/**
 * Step-up: the user proves themselves again with their password or a second factor; the
 * session gets a new id (and so a new cookie and CSRF token) and a fresh authentication time.
 */
export async function reauthenticate(
  ctx: AppContext,
  auth: AuthContext,
  sessionToken: string,
  input: ReauthInput,
  client: ClientInfo,
  rp: RelyingParty,
): Promise<string> {
  const user = await ctx.uow.read((repos) => repos.accounts.users.findById(auth.userId));
  if (!user) throw new DomainError('unauthenticated', 'Sign in first');
  const passwordOk = input.method === 'password' ? (await verifyPassword(user.passwordHash, input.password)).ok : null;
  const now = ctx.clock.now();
  const outcome = await ctx.uow.write(async (repos) => {
    const throttle = await loadThrottle(repos, await repos.accounts.users.emailKey(user.email), client.ip, now);
    const wait = throttleWait(throttle, now);
    if (wait > 0) return { wait, token: null };
    const binding = { hash: hashToken(`step-up:${auth.sessionId}`), secret: sessionToken };
    const ok = input.method === 'password' ? passwordOk === true : await checkSecondFactor(repos, user, input, { binding, webauthnChallenge: null, rp, now });
    const audit = { orgId: auth.orgId, actor: actorOf(auth), action: 'auth.step_up', objectType: 'session', objectIds: [auth.sessionId] };
    if (!ok) {
      await recordLoginFailure(repos, throttle, now);
      await repos.audit.record({ ...audit, outcome: 'failure', reason: input.method });
      return { wait: 0, token: null };
    }
    await repos.audit.record({ ...audit, outcome: 'success', reason: input.method });
    return { wait: 0, token: await rotateSession(repos, auth.sessionId, { authAt: now, authMethods: [input.method] }) };
  });
  if (outcome.wait > 0) throw new RateLimitedError(outcome.wait / 1000);
  if (!outcome.token) throw new DomainError('invalid_credentials', 'That was not accepted');
  return outcome.token;
}
