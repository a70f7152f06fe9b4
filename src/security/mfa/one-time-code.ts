import { createHmac, randomInt } from 'node:crypto';
import { MS_PER_MINUTE } from '../../domain/time/units.js';

/** Email and SMS codes: 6 digits, at most 10 minutes, a few tries (security.md, MFA). */
export const ONE_TIME_CODE_TTL_MS = 10 * MS_PER_MINUTE;
export const ONE_TIME_CODE_MAX_FAILURES = 5;
/** Sends per sign-in attempt or enrolment; a resend does not reset the failure count. */
export const ONE_TIME_CODE_MAX_SENDS = 3;

export function newOneTimeCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * Keyed with the secret of the sign-in or session it was sent for: a copy of the database
 * alone cannot turn a stored hash back into one of a million codes.
 */
export function hashOneTimeCode(boundSecret: string, code: string): string {
  return createHmac('sha256', boundSecret).update(`otc:${code.trim()}`).digest('base64url');
}
