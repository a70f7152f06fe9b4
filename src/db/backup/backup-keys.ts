import { createHmac, hkdfSync } from 'node:crypto';
import { BackupError } from './backup-error.js';

/** A 256-bit backup secret and the id that names it in every backup it seals. */
export interface BackupKey {
  readonly id: string;
  readonly secret: Buffer;
}

/** The key new backups are sealed with, and older keys kept so older backups still open. */
export interface BackupKeyring {
  readonly current: BackupKey;
  find(id: string): BackupKey | null;
}

/** The id is a keyed fingerprint: it tells keys apart without revealing anything about them. */
export function backupKeyFrom(secret: Buffer): BackupKey {
  if (secret.length !== 32) throw new BackupError('A backup key must be 32 bytes (256 bits)');
  const id = createHmac('sha256', secret).update('slotguard-backup-key-id').digest('hex').slice(0, 16);
  return Object.freeze({ id, secret });
}

export function backupKeyring(keys: BackupKey[]): BackupKeyring {
  const [current] = keys;
  if (!current) throw new BackupError('No backup key given');
  const byId = new Map(keys.map((k) => [k.id, k]));
  return { current, find: (id) => byId.get(id) ?? null };
}

/**
 * Keys written as base64 or hex, separated by commas or new lines, the current one first:
 * the form of BACKUP_KEY and of the key file. `source` names where they came from.
 */
export function parseBackupSecrets(text: string, source: string): BackupKey[] {
  const entries = text.split(/[,\n]/).map((s) => s.trim()).filter((s) => s.length > 0 && !s.startsWith('#'));
  if (entries.length === 0) throw new BackupError(`${source} holds no backup key`);
  return entries.map((entry, i) => {
    const secret = /^[0-9a-fA-F]{64}$/.test(entry) ? Buffer.from(entry, 'hex') : Buffer.from(entry, 'base64');
    if (secret.length !== 32 || !/^[A-Za-z0-9+/=_-]+$/.test(entry)) {
      throw new BackupError(`${source}: key ${i + 1} is not 32 bytes in base64 or hex (make one with: openssl rand -base64 32)`);
    }
    return backupKeyFrom(secret);
  });
}

/** The AES-256-GCM key of one backup file: derived from the backup key and the file's random salt. */
export function fileKey(key: BackupKey, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', key.secret, salt, 'slotguard-backup v1 aes-256-gcm', 32));
}
