import { randomBytes } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { BackupError } from './backup-error.js';
import type { BackupKeyring } from './backup-keys.js';
import type { BackupSummary } from './sealed-format.js';
import { unseal } from './unseal.js';

export interface RestoreResult extends BackupSummary {
  restoredTo: string;
  /** Migrations the restored database had applied. */
  migrations: number;
}

/**
 * Restores a sealed SQLite backup to `to`, all or nothing: the plaintext goes to a temporary
 * file beside the target, which must authenticate completely, match its checksum, open, and
 * pass `PRAGMA integrity_check` before one atomic rename puts it in place. Any failure removes
 * the temporary file and leaves the target as it was. An existing database is replaced only
 * with `force` (stop the server first).
 */
export async function restoreSqliteBackup(file: string, to: string, keyring: BackupKeyring, options: { force: boolean }): Promise<RestoreResult> {
  if (!existsSync(file)) throw new BackupError(`There is no backup at ${file}`);
  if (existsSync(to) && !options.force) throw new BackupError(`${to} already exists: pass --force to replace it (stop the server first)`);
  mkdirSync(dirname(to), { recursive: true });
  const temp = join(dirname(to), `.${basename(to)}.restore-${randomBytes(4).toString('hex')}`);
  try {
    let summary: BackupSummary;
    try {
      summary = await unseal(createReadStream(file), createWriteStream(temp, { mode: 0o600, flags: 'wx', flush: true }), keyring, { expectContent: 'sqlite' });
    } catch (e) {
      if (e instanceof BackupError) throw new BackupError(`${e.message}. Nothing was restored`);
      throw e;
    }
    const migrations = checkRestoredDatabase(temp);
    // A write-ahead log left by the replaced database would be replayed into the restored one.
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${to}${suffix}`, { force: true });
    renameSync(temp, to);
    syncDirectory(dirname(to));
    return { ...summary, restoredTo: to, migrations };
  } finally {
    for (const leftover of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`]) rmSync(leftover, { force: true });
  }
}

/** Opens the restored file: it must pass the integrity check and be a Slotguard database. */
function checkRestoredDatabase(file: string): number {
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { fileMustExist: true });
  } catch (e) {
    throw new BackupError(`The restored file does not open as a SQLite database (${(e as Error).message}). Nothing was restored`);
  }
  try {
    const check = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    const problems = check.map((row) => row.integrity_check).filter((line) => line !== 'ok');
    if (problems.length > 0) throw new BackupError(`The restored database fails PRAGMA integrity_check (${problems[0]}). Nothing was restored`);
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
    if (!table) throw new BackupError('The backup is a SQLite database but not a Slotguard one (it has no migrations table). Nothing was restored');
    return (db.prepare('SELECT count(*) AS n FROM kysely_migration').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
