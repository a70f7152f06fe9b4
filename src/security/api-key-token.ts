import { timingSafeEqual } from 'node:crypto';
import { hashToken, newSecretToken } from './tokens.js';

/** The recognizable start of every key (for secret scanners and for people reading a config). */
export const API_KEY_PREFIX = 'sgk_';

const ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const KEY = new RegExp(`^${API_KEY_PREFIX}(${ID})_([A-Za-z0-9_-]{43})$`);

/** `sgk_<keyId>_<secret>`: the secret has 256 random bits; the id names the one row to check. */
export function newApiKey(id: string): string {
  return `${API_KEY_PREFIX}${id}_${newSecretToken()}`;
}

/** The non-secret start of a key, shown in lists so a person can tell their keys apart. */
export function apiKeyPrefix(id: string): string {
  return `${API_KEY_PREFIX}${id}_`;
}

/** The key id a presented key claims, or null when it is not shaped like one of ours. */
export function apiKeyId(presented: string): string | null {
  return KEY.exec(presented)?.[1] ?? null;
}

/** The only form of a key that is stored. SHA-256 suffices: the key carries 256 random bits. */
export function hashApiKey(key: string): string {
  return hashToken(key);
}

/** Compares a presented key with a stored hash in constant time. */
export function apiKeyMatches(storedHash: string, presented: string): boolean {
  const a = Buffer.from(storedHash, 'utf8');
  const b = Buffer.from(hashApiKey(presented), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
