import { DomainError, RateLimitedError, invalidRequest } from '../../domain/errors.js';
import { authenticationOptions, type RelyingParty } from '../../security/mfa/webauthn.js';
import { hashToken } from '../../security/tokens.js';
import type { AppContext, Repositories } from '../ports.js';
import type { LoginChallenge } from './account-ports.js';
import { type SignedIn, finishSignIn } from './finish-sign-in.js';
import { loadThrottle, recordLoginFailure, throttleWait } from './login-throttle.js';
import { MFA_CHALLENGE_MAX_FAILURES } from './mfa-challenge.js';
import { sendOneTimeCode } from './one-time-codes.js';
import { type FactorAnswer, checkSecondFactor } from './second-factor.js';
import { type ClientInfo, clientActor } from './session-model.js';

const signInAgain = () => new DomainError('unauthenticated', 'This sign-in has expired; sign in again');
const wrongAnswer = () => new DomainError('invalid_credentials', 'The code or passkey was not accepted');

async function pendingSignIn(repos: Repositories, pendingToken: string, now: number) {
  const hash = hashToken(pendingToken);
  const challenge = await repos.accounts.challenges.find(hash);
  if (!challenge || challenge.purpose !== 'mfa' || challenge.expiresAt <= now || !challenge.userId) throw signInAgain();
  const user = await repos.accounts.users.findById(challenge.userId);
  if (!user || user.disabledAt !== null) throw signInAgain();
  return { hash, challenge, user };
}

function requireOffered(challenge: LoginChallenge, method: string): void {
  if (!challenge.methods.includes(method)) {
    throw invalidRequest('This method is not available for this account', [{ path: 'body.method', message: `use one of ${challenge.methods.join(', ')}` }]);
  }
}

/**
 * The second step of a sign-in: the factor answer for a pending sign-in. Wrong answers count
 * against the same throttles as wrong passwords; five end the pending sign-in.
 */
export async function verifyMfa(ctx: AppContext, pendingToken: string, answer: FactorAnswer, client: ClientInfo, rp: RelyingParty): Promise<SignedIn> {
  const now = ctx.clock.now();
  const outcome = await ctx.uow.write(async (repos) => {
    const { hash, challenge, user } = await pendingSignIn(repos, pendingToken, now);
    requireOffered(challenge, answer.method);
    const throttle = await loadThrottle(repos, await repos.accounts.users.emailKey(user.email), client.ip, now);
    const wait = throttleWait(throttle, now);
    if (wait > 0) return { kind: 'wait' as const, wait };
    const actor = clientActor(client, user.id);
    const audit = { orgId: null, actor, action: 'auth.mfa', objectType: 'user', objectIds: [user.id] };
    const check = { binding: { hash, secret: pendingToken }, webauthnChallenge: challenge.webauthnChallenge, rp, now };
    if (!(await checkSecondFactor(repos, user, answer, check))) {
      const failures = await repos.accounts.challenges.recordFailure(hash);
      if (failures >= MFA_CHALLENGE_MAX_FAILURES) await repos.accounts.challenges.delete(hash);
      await recordLoginFailure(repos, throttle, now);
      await repos.audit.record({ ...audit, outcome: 'failure', reason: `invalid_factor:${answer.method}` });
      return { kind: 'wrong' as const };
    }
    await repos.accounts.challenges.delete(hash);
    await repos.audit.record({ ...audit, outcome: 'success', reason: answer.method });
    return finishSignIn(repos, { user, methods: ['password', answer.method], hasMfa: true, throttle, client, now, publicUrl: ctx.publicUrl });
  });
  if (outcome.kind === 'wait') throw new RateLimitedError(outcome.wait / 1000);
  if (outcome.kind === 'wrong') throw wrongAnswer();
  return outcome;
}

/** Sends an email or SMS code for a pending sign-in. */
export async function sendSignInCode(ctx: AppContext, pendingToken: string, method: 'email' | 'sms', client: ClientInfo): Promise<void> {
  const now = ctx.clock.now();
  await ctx.uow.write(async (repos) => {
    const { hash, challenge, user } = await pendingSignIn(repos, pendingToken, now);
    requireOffered(challenge, method);
    await sendOneTimeCode(repos, user, method, { hash, secret: pendingToken }, 'sign_in', now);
    await repos.audit.record({
      orgId: null,
      actor: clientActor(client, user.id),
      action: 'auth.mfa.code_sent',
      objectType: 'user',
      objectIds: [user.id],
      outcome: 'success',
      reason: method,
    });
  });
}

/** Options for the browser's passkey prompt, for a pending sign-in. */
export async function pendingPasskeyOptions(ctx: AppContext, pendingToken: string, rp: RelyingParty) {
  const now = ctx.clock.now();
  return ctx.uow.write(async (repos) => {
    const { hash, challenge, user } = await pendingSignIn(repos, pendingToken, now);
    requireOffered(challenge, 'webauthn');
    const passkeys = (await repos.accounts.factors.listForUser(user.id))
      .filter((f) => f.kind === 'webauthn' && f.confirmedAt !== null && f.credentialId && f.publicKey)
      .map((f) => ({ credentialId: f.credentialId ?? '', publicKey: f.publicKey ?? '', signCount: f.signCount, transports: f.transports }));
    const options = await authenticationOptions(rp, passkeys);
    await repos.accounts.challenges.setWebauthnChallenge(hash, options.challenge);
    return options;
  });
}
