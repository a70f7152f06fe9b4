import { DomainError, RateLimitedError } from '../../domain/errors.js';
import { MS_PER_MINUTE } from '../../domain/time/units.js';
import { type AuthenticationResponseJSON, type RelyingParty, authenticationOptions } from '../../security/mfa/webauthn.js';
import { hashToken, newSecretToken } from '../../security/tokens.js';
import type { AppContext } from '../ports.js';
import { type SignedIn, finishSignIn } from './finish-sign-in.js';
import { loadThrottle, recordLoginFailure, throttleWait } from './login-throttle.js';
import { checkPasskey } from './second-factor.js';
import { type ClientInfo, clientActor } from './session-model.js';

/**
 * Passwordless sign-in, step 1: a challenge for any of the user's discoverable passkeys; its
 * secret goes into the pending cookie.
 */
export async function startPasskeyLogin(ctx: AppContext, rp: RelyingParty) {
  const now = ctx.clock.now();
  const options = await authenticationOptions(rp, []);
  const token = newSecretToken();
  await ctx.uow.write((repos) =>
    repos.accounts.challenges.insert(hashToken(token), {
      purpose: 'passkey_login',
      userId: null,
      methods: ['webauthn'],
      webauthnChallenge: options.challenge,
      failures: 0,
      createdAt: now,
      expiresAt: now + 5 * MS_PER_MINUTE,
    }),
  );
  return { token, options };
}

/**
 * Step 2: a passkey with user verification is possession plus PIN or biometrics, two factors
 * and phishing-resistant, so it signs in alone. The challenge works once.
 */
export async function finishPasskeyLogin(
  ctx: AppContext,
  pendingToken: string,
  assertion: AuthenticationResponseJSON,
  client: ClientInfo,
  rp: RelyingParty,
): Promise<SignedIn> {
  const now = ctx.clock.now();
  const hash = hashToken(pendingToken);
  const outcome = await ctx.uow.write(async (repos) => {
    const challenge = await repos.accounts.challenges.find(hash);
    await repos.accounts.challenges.delete(hash);
    if (!challenge || challenge.purpose !== 'passkey_login' || challenge.expiresAt <= now) return { kind: 'expired' as const };
    const factor = typeof assertion.id === 'string' ? await repos.accounts.factors.findByCredentialId(assertion.id) : null;
    const user = factor ? await repos.accounts.users.findById(factor.userId) : null;
    const throttle = await loadThrottle(repos, user ? await repos.accounts.users.emailKey(user.email) : 'unknown-passkey', client.ip, now);
    const wait = throttleWait(throttle, now);
    if (wait > 0) return { kind: 'wait' as const, wait };
    const check = { webauthnChallenge: challenge.webauthnChallenge, rp, now };
    const ok = user !== null && user.disabledAt === null && (await checkPasskey(repos, user.id, assertion, check, true));
    const objectIds = user ? [user.id] : [];
    const audit = { orgId: null, actor: clientActor(client, null), action: 'auth.passkey', objectType: 'user', objectIds };
    if (!ok || !user) {
      await recordLoginFailure(repos, throttle, now);
      await repos.audit.record({ ...audit, outcome: 'failure', reason: 'invalid_credentials' });
      return { kind: 'wrong' as const };
    }
    await repos.audit.record({ ...audit, outcome: 'success', reason: 'passkey' });
    return finishSignIn(repos, { user, methods: ['passkey'], hasMfa: true, throttle, client, now, publicUrl: ctx.publicUrl });
  });
  if (outcome.kind === 'expired') throw new DomainError('unauthenticated', 'This sign-in has expired; start again');
  if (outcome.kind === 'wait') throw new RateLimitedError(outcome.wait / 1000);
  if (outcome.kind === 'wrong') throw new DomainError('invalid_credentials', 'The passkey was not accepted');
  return outcome;
}
