import { createCipheriv, createDecipheriv, createHash, hkdfSync } from 'node:crypto';
import { randomBytesPooled } from './random-pool.js';

/** A URL-safe secret with 256 bits of randomness (manage links, hold tokens). */
export function newSecretToken(): string {
  return randomBytesPooled(32).toString('base64url');
}

/** Secrets in URLs are stored only as this hash. SHA-256 suffices: the input has 256 random bits. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** Stable fingerprint of a request body, to tell a retry from a different request. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value), 'utf8').digest('base64url');
}

function keyFrom(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'slotguard', 'idempotency-response', 32));
}

/**
 * Seals a value with a key derived from a client-held secret (the Idempotency-Key): the stored
 * copy of a first answer (which carries a manage link) is unreadable without that secret.
 */
export function sealWithSecret(secret: string, plaintext: string): string {
  const iv = randomBytesPooled(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function openWithSecret(secret: string, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
