import { createHmac } from 'node:crypto';

/**
 * A keyed, deterministic fingerprint for exact-match lookups (e.g. a customer by email)
 * without storing the value: HMAC-SHA-256 under a key kept apart from the encryption keys.
 */
export function blindIndex(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('base64url');
}

/** Emails match regardless of case and surrounding space. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
