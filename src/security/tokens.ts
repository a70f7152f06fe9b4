import { createCipheriv, createDecipheriv, createHash, createHmac } from 'node:crypto';
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

const RESPONSE_KEY_SALT = 'slotguard';
/** HKDF's info with the block counter 1 appended: one SHA-256 block is the whole 32-byte key. */
const RESPONSE_KEY_INFO_BLOCK = Buffer.from('idempotency-response\x01', 'latin1');

/**
 * HKDF-SHA256 (RFC 5869) of the secret, 32 bytes, written out as its two HMACs: the same key
 * as `hkdfSync('sha256', secret, 'slotguard', 'idempotency-response', 32)` (a test pins that),
 * without the KeyObjects Node's hkdfSync makes on every call (a few % of a booking's CPU).
 */
export function responseKeyFrom(secret: string): Buffer {
  const pseudoRandomKey = createHmac('sha256', RESPONSE_KEY_SALT).update(secret, 'utf8').digest();
  return createHmac('sha256', pseudoRandomKey).update(RESPONSE_KEY_INFO_BLOCK).digest();
}

/**
 * Seals a value with a key derived from a client-held secret (the Idempotency-Key): the stored
 * copy of a first answer (which carries a manage link) is unreadable without that secret.
 */
export function sealWithSecret(secret: string, plaintext: string): string {
  const iv = randomBytesPooled(12);
  const cipher = createCipheriv('aes-256-gcm', responseKeyFrom(secret), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function openWithSecret(secret: string, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', responseKeyFrom(secret), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
