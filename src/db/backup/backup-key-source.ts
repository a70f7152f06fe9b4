import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { BackupError } from './backup-error.js';
import { type BackupKeyring, backupKeyFrom, backupKeyring, parseBackupSecrets } from './backup-keys.js';

export interface BackupKeySettings {
  /** BACKUP_KEY: base64 or hex, several separated by commas (the first seals, all open). */
  env: string | null;
  /** BACKUP_KEY_FILE: the same, one key a line, in a file only its owner may read (0600). */
  file: string;
  /** True when the file path was set explicitly rather than defaulted. */
  fileExplicit: boolean;
  production: boolean;
}

export interface LoadedBackupKeys {
  keyring: BackupKeyring;
  /** Something the operator should hear (a development key was used or created). */
  warning: string | null;
}

/**
 * The backup keys. Production refuses to run without BACKUP_KEY or BACKUP_KEY_FILE;
 * development creates a key file (0600) when `create` says a new backup is being sealed,
 * never when an existing one is to be opened (a new key could not open it).
 */
export function loadBackupKeys(s: BackupKeySettings, options: { create: boolean }): LoadedBackupKeys {
  if (s.env) return { keyring: backupKeyring(parseBackupSecrets(s.env, 'BACKUP_KEY')), warning: null };
  if (s.production && !s.fileExplicit) {
    throw new BackupError('No backup key: set BACKUP_KEY or BACKUP_KEY_FILE (production never uses or creates a default one)');
  }
  if (existsSync(s.file)) {
    const warning = s.fileExplicit ? null : `Using the development backup key file ${s.file}; keep backup keys apart from the backups`;
    return { keyring: backupKeyring(readBackupKeyFile(s.file)), warning };
  }
  if (s.production || !options.create) {
    throw new BackupError(`No backup key: ${s.file} does not exist; set BACKUP_KEY or BACKUP_KEY_FILE to the key the backup was made with`);
  }
  const key = backupKeyFrom(randomBytes(32));
  writeBackupKeyFile(s.file, key.secret);
  return {
    keyring: backupKeyring([key]),
    warning: `Created a development backup key in ${s.file} (0600). Keep a copy apart from the backups: without it they cannot be restored`,
  };
}

function readBackupKeyFile(file: string): ReturnType<typeof parseBackupSecrets> {
  if ((statSync(file).mode & 0o077) !== 0) throw new BackupError(`Backup key file ${file} must not be readable by others (chmod 600)`);
  return parseBackupSecrets(readFileSync(file, 'utf8'), `Backup key file ${file}`);
}

function writeBackupKeyFile(file: string, secret: Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${secret.toString('base64')}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}
