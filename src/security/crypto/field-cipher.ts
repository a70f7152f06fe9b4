import { createCipheriv, createDecipheriv } from 'node:crypto';
import { randomBytesPooled } from '../random-pool.js';

/**
 * AES-256-GCM for one field value. The stored form names its data key and binds the value to
 * its place (table, column, row id) as associated data, so a ciphertext copied into another
 * row or column fails to decrypt:  `f1.<keyId>.<nonce>.<ciphertext+tag>` (base64url parts).
 */
const PREFIX = 'f1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class FieldDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldDecryptionError';
  }
}

export function sealField(key: Buffer, keyId: string, aad: string, plaintext: string): string {
  const nonce = randomBytesPooled(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}.${keyId}.${nonce.toString('base64url')}.${body.toString('base64url')}`;
}

/** The data key a stored value was sealed with. */
export function keyIdOf(sealed: string): string {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX || !parts[1]) throw new FieldDecryptionError('Not a sealed field');
  return parts[1];
}

export function openField(key: Buffer, aad: string, sealed: string): string {
  const [prefix, , nonceText, bodyText] = sealed.split('.');
  if (prefix !== PREFIX || !nonceText || !bodyText) throw new FieldDecryptionError('Not a sealed field');
  const nonce = Buffer.from(nonceText, 'base64url');
  const body = Buffer.from(bodyText, 'base64url');
  if (nonce.length !== NONCE_BYTES || body.length < TAG_BYTES) throw new FieldDecryptionError('Malformed sealed field');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new FieldDecryptionError('Field failed authentication (wrong key, row or column)');
  }
}
