import { invalidRequest } from '../../domain/errors.js';
import { hashRecoveryCode } from '../../security/mfa/recovery-codes.js';
import { matchTotp } from '../../security/mfa/totp.js';
import { type AuthenticationResponseJSON, type RelyingParty, verifyAuthentication } from '../../security/mfa/webauthn.js';
import type { Repositories } from '../ports.js';
import type { User } from './account-model.js';
import { type CodeBinding, checkOneTimeCode } from './one-time-codes.js';

export type MfaMethod = 'totp' | 'recovery_code' | 'email' | 'sms' | 'webauthn';
export const MFA_METHODS: readonly MfaMethod[] = ['totp', 'recovery_code', 'email', 'sms', 'webauthn'];

export interface FactorAnswer {
  method: MfaMethod;
  code?: string;
  assertion?: AuthenticationResponseJSON;
}

export interface FactorCheck {
  binding: CodeBinding;
  webauthnChallenge: string | null;
  rp: RelyingParty;
  now: number;
}

function codeOf(answer: FactorAnswer): string {
  if (typeof answer.code !== 'string' || answer.code.length === 0) {
    throw invalidRequest('A code is needed for this method', [{ path: 'body.code', message: 'is required' }]);
  }
  return answer.code.trim();
}

/** True when the answer proves the user's second factor; every code and step works once. */
export async function checkSecondFactor(repos: Repositories, user: User, answer: FactorAnswer, c: FactorCheck): Promise<boolean> {
  switch (answer.method) {
    case 'totp': {
      const code = codeOf(answer);
      for (const f of await repos.accounts.factors.listForUser(user.id)) {
        if (f.kind !== 'totp' || f.confirmedAt === null || !f.secret) continue;
        const step = matchTotp(f.secret, code, c.now);
        if (step !== null) return repos.accounts.factors.useTotpStep(f.id, step, c.now);
      }
      return false;
    }
    case 'recovery_code':
      return repos.accounts.recoveryCodes.use(user.id, hashRecoveryCode(codeOf(answer)), c.now);
    case 'email':
    case 'sms':
      return checkOneTimeCode(repos, answer.method, c.binding, codeOf(answer), c.now);
    case 'webauthn':
      return checkPasskey(repos, user.id, answer.assertion, c, false);
  }
}

/** A passkey assertion for our last challenge, from one of this user's passkeys. */
export async function checkPasskey(
  repos: Repositories,
  userId: string | null,
  assertion: AuthenticationResponseJSON | undefined,
  c: Pick<FactorCheck, 'webauthnChallenge' | 'rp' | 'now'>,
  requireUserVerification: boolean,
): Promise<boolean> {
  if (!assertion) throw invalidRequest('An assertion is needed for a passkey', [{ path: 'body.assertion', message: 'is required' }]);
  if (!c.webauthnChallenge || typeof assertion.id !== 'string') return false;
  const factor = await repos.accounts.factors.findByCredentialId(assertion.id);
  if (!factor || factor.kind !== 'webauthn' || factor.confirmedAt === null || !factor.publicKey) return false;
  if (userId !== null && factor.userId !== userId) return false;
  const passkey = { credentialId: assertion.id, publicKey: factor.publicKey, signCount: factor.signCount, transports: factor.transports };
  const counter = await verifyAuthentication(c.rp, assertion, c.webauthnChallenge, passkey, requireUserVerification);
  if (counter === null) return false;
  await repos.accounts.factors.usePasskey(factor.id, counter, c.now);
  return true;
}
