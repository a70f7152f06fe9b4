import { MS_PER_MINUTE } from '../../domain/time/units.js';
import { hashToken, newSecretToken } from '../../security/tokens.js';
import type { Repositories } from '../ports.js';

/** How long a sign-in may wait between its password and its second factor. */
export const MFA_CHALLENGE_TTL_MS = 5 * MS_PER_MINUTE;
/** Wrong second-factor answers one pending sign-in may give before it must start over. */
export const MFA_CHALLENGE_MAX_FAILURES = 5;

/** Opens a pending sign-in; the returned secret goes into the short-lived pending cookie. */
export async function startMfaChallenge(repos: Repositories, userId: string, methods: string[], now: number): Promise<string> {
  const token = newSecretToken();
  await repos.accounts.challenges.insert(hashToken(token), {
    purpose: 'mfa',
    userId,
    methods,
    webauthnChallenge: null,
    failures: 0,
    createdAt: now,
    expiresAt: now + MFA_CHALLENGE_TTL_MS,
  });
  return token;
}
