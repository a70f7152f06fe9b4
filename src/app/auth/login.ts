import { DomainError, RateLimitedError } from '../../domain/errors.js';
import { hashPassword, verifyPassword } from '../../security/passwords/password-hasher.js';
import type { AppContext } from '../ports.js';
import type { User } from './account-model.js';
import { type LoginThrottle, cleanAddress, hardStopped, loadThrottle, recordLoginFailure, throttleWait } from './login-throttle.js';
import { type SignedIn, finishSignIn } from './finish-sign-in.js';
import { startMfaChallenge } from './mfa-challenge.js';
import { mfaMethodsOf } from './mfa-methods.js';
import { type ClientInfo, clientActor } from './session-model.js';

export interface LoginInput {
  email: string;
  password: string;
}

export type LoginResult = SignedIn | { kind: 'mfa'; token: string; methods: string[] };

export const invalidCredentials = () => new DomainError('invalid_credentials', 'The email or password is incorrect');

/**
 * Password sign-in. Unknown user, wrong password, disabled and hard-stopped accounts all get
 * the same 401 after the same Argon2id work; throttled attempts get 429 before any check.
 */
export async function login(ctx: AppContext, input: LoginInput, client: ClientInfo): Promise<LoginResult> {
  const now = ctx.clock.now();
  const publicActor = clientActor(client, null);
  const pre = await ctx.uow.write(async (repos) => {
    const throttle = await loadThrottle(repos, await repos.accounts.users.emailKey(input.email), client.ip, now);
    const wait = throttleWait(throttle, now);
    return { throttle, wait, account: wait > 0 ? null : await repos.accounts.users.findCredentials(input.email) };
  });
  const audit = { orgId: null, actor: publicActor, action: 'auth.login', objectType: 'user', objectIds: pre.account ? [pre.account.id] : [] };
  if (pre.wait > 0) {
    await ctx.uow.write((repos) => repos.audit.record({ ...audit, outcome: 'denied', reason: 'rate_limited' }));
    throw new RateLimitedError(pre.wait / 1000);
  }

  const check = await verifyPassword(pre.account?.passwordHash ?? null, input.password);
  const account = pre.account;
  const refusal = !account ? 'unknown_user' : !check.ok ? 'wrong_password' : account.disabledAt !== null ? 'disabled' : null;
  const found =
    account && !refusal
      ? await ctx.uow.read(async (repos) => ({
          user: await repos.accounts.users.findById(account.id),
          methods: await mfaMethodsOf(repos, account.id),
        }))
      : null;
  const user = found?.user ?? null;
  const methods = found?.methods ?? [];
  // Past the hard stop only a clean address that can also pass a second factor gets through.
  const stopped = hardStopped(pre.throttle) && !(cleanAddress(pre.throttle) && methods.length > 0);
  if (!user || refusal || stopped) {
    await ctx.uow.write(async (repos) => {
      await recordLoginFailure(repos, pre.throttle, now);
      await repos.audit.record({ ...audit, outcome: 'failure', reason: `invalid_credentials:${refusal ?? 'hard_stop'}` });
    });
    throw invalidCredentials();
  }
  if (check.needsRehash && input.password) {
    const rehashed = await hashPassword(input.password);
    await ctx.uow.write((repos) => repos.accounts.users.setPassword(user.id, rehashed, user.passwordChangedAt, user.passwordCompromised));
  }
  return afterPassword(ctx, user, methods, pre.throttle, client);
}

async function afterPassword(ctx: AppContext, user: User, methods: string[], throttle: LoginThrottle, client: ClientInfo): Promise<LoginResult> {
  const now = ctx.clock.now();
  return ctx.uow.write(async (repos) => {
    await repos.audit.record({
      orgId: null,
      actor: clientActor(client, user.id),
      action: 'auth.login',
      objectType: 'user',
      objectIds: [user.id],
      outcome: 'success',
      reason: methods.length > 0 ? 'password:mfa_pending' : 'password',
    });
    if (methods.length > 0) return { kind: 'mfa' as const, token: await startMfaChallenge(repos, user.id, methods, now), methods };
    return finishSignIn(repos, { user, methods: ['password'], hasMfa: false, throttle, client, now, publicUrl: ctx.publicUrl });
  });
}
