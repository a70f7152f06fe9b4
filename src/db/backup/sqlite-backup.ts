import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { BackupError } from './backup-error.js';
import type { BackupKey } from './backup-keys.js';
import { seal } from './seal.js';
import type { BackupSummary } from './sealed-format.js';

/** Pages per backup step after the first: all of them, so the copy is one consistent read. */
const ALL_REMAINING_PAGES = 0x7fffffff;

/**
 * Backs up a live SQLite database: SQLite's online backup API copies a consistent snapshot
 * (in WAL mode the server's writers are not blocked), which is then sealed into `outFile`
 * (0600). The plaintext snapshot lives only in a private temporary directory, removed after.
 */
export async function createSqliteBackup(dbFile: string, outFile: string, key: BackupKey, createdAt: Date): Promise<BackupSummary> {
  if (!existsSync(dbFile)) throw new BackupError(`There is no SQLite database at ${dbFile}`);
  if (existsSync(outFile)) throw new BackupError(`${outFile} already exists: choose another --out`);
  mkdirSync(dirname(outFile), { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'slotguard-backup-'));
  const partial = `${outFile}.partial-${randomBytes(4).toString('hex')}`;
  try {
    const snapshot = join(work, 'snapshot.db');
    const source = new SQLite(dbFile, { fileMustExist: true });
    try {
      source.pragma('busy_timeout = 5000');
      await source.backup(snapshot, { progress: () => ALL_REMAINING_PAGES });
    } finally {
      source.close();
    }
    const summary = await seal(createReadStream(snapshot), createWriteStream(partial, { mode: 0o600, flags: 'wx', flush: true }), key, { content: 'sqlite', createdAt });
    renameSync(partial, outFile);
    return summary;
  } finally {
    rmSync(partial, { force: true });
    rmSync(work, { recursive: true, force: true });
  }
}
