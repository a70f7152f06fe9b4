import { DomainError, notFound } from '../../domain/errors.js';
import { newId } from '../../security/ids.js';
import { matchTotp, newTotpSecret, totpUri } from '../../security/mfa/totp.js';
import { type RegistrationResponseJSON, type RelyingParty, registrationOptions, verifyRegistration } from '../../security/mfa/webauthn.js';
import { hashToken } from '../../security/tokens.js';
import type { AppContext } from '../ports.js';
import type { MfaFactor } from './account-model.js';
import { type EnrolmentDone, completeEnrolment, requireMayChangeMfa } from './mfa-enrolment.js';
import { type CodeChannel, checkOneTimeCode, sendOneTimeCode } from './one-time-codes.js';
import type { AuthContext } from './session-model.js';

const ISSUER = 'Slotguard';

function newFactor(userId: string, kind: MfaFactor['kind'], label: string, now: number, over: Partial<MfaFactor> = {}): MfaFactor {
  return {
    id: newId(now),
    userId,
    kind,
    label,
    secret: null,
    credentialId: null,
    publicKey: null,
    signCount: 0,
    transports: [],
    confirmedAt: null,
    createdAt: now,
    lastUsedAt: null,
    ...over,
  };
}

const notAccepted = () => new DomainError('invalid_credentials', 'That code was not accepted');

/** Starts an authenticator app: a new secret, shown once, confirmed by a first code. */
export async function startTotp(ctx: AppContext, auth: AuthContext): Promise<{ factorId: string; secret: string; uri: string }> {
  const now = ctx.clock.now();
  requireMayChangeMfa(auth, now);
  return ctx.uow.write(async (repos) => {
    const user = await repos.accounts.users.findById(auth.userId);
    if (!user) throw notFound('User');
    await repos.accounts.factors.deleteUnconfirmed(user.id, 'totp');
    const secret = newTotpSecret();
    const factor = newFactor(user.id, 'totp', 'Authenticator app', now, { secret });
    await repos.accounts.factors.insert(factor);
    return { factorId: factor.id, secret, uri: totpUri(secret, user.email, ISSUER) };
  });
}

export async function confirmTotp(ctx: AppContext, auth: AuthContext, factorId: string, code: string): Promise<EnrolmentDone> {
  const now = ctx.clock.now();
  requireMayChangeMfa(auth, now);
  const done = await ctx.uow.write(async (repos) => {
    const factor = await repos.accounts.factors.findById(auth.userId, factorId);
    if (!factor || factor.kind !== 'totp' || factor.confirmedAt !== null || !factor.secret) throw notFound('Pending authenticator');
    const step = matchTotp(factor.secret, code.trim(), now);
    if (step === null || !(await repos.accounts.factors.useTotpStep(factor.id, step, now))) return null;
    await repos.accounts.factors.confirm(factor.id, now);
    return completeEnrolment(repos, ctx.publicUrl, auth, 'totp', now);
  });
  if (!done) throw notAccepted();
  return done;
}

const registrationKey = (sessionId: string) => hashToken(`passkey-register:${sessionId}`);

/** Options for the browser to create a passkey bound to our origin. */
export async function startPasskey(ctx: AppContext, auth: AuthContext, rp: RelyingParty) {
  const now = ctx.clock.now();
  requireMayChangeMfa(auth, now);
  return ctx.uow.write(async (repos) => {
    const user = await repos.accounts.users.findById(auth.userId);
    if (!user) throw notFound('User');
    const existing = (await repos.accounts.factors.listForUser(user.id))
      .filter((f) => f.kind === 'webauthn' && f.credentialId && f.publicKey)
      .map((f) => ({ credentialId: f.credentialId ?? '', publicKey: f.publicKey ?? '', signCount: f.signCount, transports: f.transports }));
    const options = await registrationOptions(rp, { id: user.id, name: user.email, displayName: user.name }, existing);
    const key = registrationKey(auth.sessionId);
    await repos.accounts.challenges.delete(key);
    await repos.accounts.challenges.insert(key, {
      purpose: 'passkey_register',
      userId: user.id,
      methods: [],
      webauthnChallenge: options.challenge,
      failures: 0,
      createdAt: now,
      expiresAt: now + 5 * 60_000,
    });
    return options;
  });
}

export async function confirmPasskey(
  ctx: AppContext,
  auth: AuthContext,
  rp: RelyingParty,
  response: RegistrationResponseJSON,
  label: string,
): Promise<EnrolmentDone> {
  const now = ctx.clock.now();
  requireMayChangeMfa(auth, now);
  const done = await ctx.uow.write(async (repos) => {
    const key = registrationKey(auth.sessionId);
    const pending = await repos.accounts.challenges.find(key);
    await repos.accounts.challenges.delete(key);
    if (!pending?.webauthnChallenge || pending.expiresAt <= now || pending.userId !== auth.userId) return null;
    const passkey = await verifyRegistration(rp, response, pending.webauthnChallenge);
    if (!passkey) return null;
    const factor = newFactor(auth.userId, 'webauthn', label, now, { ...passkey, confirmedAt: now });
    await repos.accounts.factors.insert(factor);
    return completeEnrolment(repos, ctx.publicUrl, auth, 'webauthn', now);
  });
  if (!done) throw new DomainError('invalid_credentials', 'The passkey could not be verified; try again');
  return done;
}

const channelKey = (sessionId: string, channel: CodeChannel) => hashToken(`enrol-${channel}:${sessionId}`);

/** Sends a code to the account's email or phone to prove it can receive them. */
export async function startCodeChannel(ctx: AppContext, auth: AuthContext, sessionToken: string, channel: CodeChannel): Promise<void> {
  const now = ctx.clock.now();
  requireMayChangeMfa(auth, now);
  await ctx.uow.write(async (repos) => {
    const user = await repos.accounts.users.findById(auth.userId);
    if (!user) throw notFound('User');
    await sendOneTimeCode(repos, user, channel, { hash: channelKey(auth.sessionId, channel), secret: sessionToken }, 'mfa', now);
  });
}

export async function confirmCodeChannel(ctx: AppContext, auth: AuthContext, sessionToken: string, channel: CodeChannel, code: string): Promise<EnrolmentDone> {
  const now = ctx.clock.now();
  requireMayChangeMfa(auth, now);
  const done = await ctx.uow.write(async (repos) => {
    const binding = { hash: channelKey(auth.sessionId, channel), secret: sessionToken };
    if (!(await checkOneTimeCode(repos, channel, binding, code, now))) return null;
    const label = channel === 'email' ? 'Email codes' : 'Text message codes';
    await repos.accounts.factors.insert(newFactor(auth.userId, channel, label, now, { confirmedAt: now }));
    return completeEnrolment(repos, ctx.publicUrl, auth, channel, now);
  });
  if (!done) throw notAccepted();
  return done;
}
