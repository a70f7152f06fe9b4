import { createWriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { type ReappliedErasures, reapplyErasures } from '../../app/privacy/reapply-erasures.js';
import { type Config, loadConfig } from '../../config.js';
import { type LoadedBackupKeys, loadBackupKeys } from '../../db/backup/backup-key-source.js';
import { verifyBackupFile, unsealVerified } from '../../db/backup/sealed-files.js';
import { seal } from '../../db/backup/seal.js';
import { createSqliteBackup } from '../../db/backup/sqlite-backup.js';
import { restoreSqliteBackup } from '../../db/backup/sqlite-restore.js';
import { createRuntime } from '../../main.js';
import type { MasterKeyProvider } from '../../security/crypto/master-key.js';
import { cliActor } from '../cli-actor.js';
import { UsageError } from '../usage-error.js';
import { printResult } from '../with-runtime.js';

/** The backup keys for the configuration; a warning (development key) goes to stderr. */
function backupKeys(config: Config, create: boolean): LoadedBackupKeys {
  const loaded = loadBackupKeys({ ...config.backupKey, production: config.nodeEnv === 'production' }, { create });
  if (loaded.warning) process.stderr.write(`warning: ${loaded.warning}\n`);
  return loaded;
}

/**
 * Erases again, in the restored database, every customer erased since the backup was made
 * (the ledger lives outside the database), so an older backup brings no one back.
 */
async function reapplyErasuresTo(config: Config, file: string): Promise<ReappliedErasures> {
  const runtime = await createRuntime({
    database: { kind: 'sqlite', file },
    publicUrl: config.publicUrl,
    // Erasing destroys keys and never unwraps one: a restore needs no master key (and must not create one).
    masterKeys: NO_MASTER_KEY,
    erasureLedgerFile: config.erasureLedgerFile,
    migrate: false,
  });
  try {
    return await reapplyErasures(runtime.ctx, cliActor());
  } finally {
    await runtime.close();
  }
}

const NO_MASTER_KEY: MasterKeyProvider = {
  kind: 'none',
  currentVersion: () => {
    throw new Error('a restore uses no master key');
  },
  versions: () => [],
  wrap: () => Promise.reject(new Error('a restore uses no master key')),
  unwrap: () => Promise.reject(new Error('a restore uses no master key')),
};

function defaultBackupFile(dbFile: string, now: Date): string {
  return join(dirname(dbFile), 'backups', `slotguard-${now.toISOString().replace(/[:.]/g, '-')}.sgbackup`);
}

/** stdout, unless it is a terminal: sealed bytes would only garble it. */
function binaryStdout(what: string): Writable {
  if (process.stdout.isTTY) throw new UsageError(`refusing to write ${what} to a terminal: redirect stdout to a file or a pipe`);
  return process.stdout;
}

export function registerBackupCommands(program: Command): void {
  const backup = program.command('backup').description('encrypted, authenticated backups (key: BACKUP_KEY or BACKUP_KEY_FILE)');

  backup
    .command('create')
    .description('back up the SQLite database while the server keeps serving, sealed with the backup key')
    .option('--out <file>', 'where the sealed backup goes (default: backups/ beside the database)')
    .action(async (o: { out?: string }) => {
      const config = loadConfig();
      if (config.database.kind !== 'sqlite') {
        throw new UsageError('DATABASE_URL is PostgreSQL: back it up with pg_dump ... | slotguard backup seal > FILE (see the README)');
      }
      const { keyring } = backupKeys(config, true);
      const now = new Date();
      const out = o.out ?? defaultBackupFile(config.database.file, now);
      printResult({ file: out, ...(await createSqliteBackup(config.database.file, out, keyring.current, now)) });
    });

  backup
    .command('verify')
    .description('authenticate a backup and check its checksum; prints what it holds')
    .argument('<file>', 'a sealed backup')
    .action(async (file: string) => {
      const { keyring } = backupKeys(loadConfig(), false);
      printResult({ file, ok: true, ...(await verifyBackupFile(file, keyring)) });
    });

  backup
    .command('restore')
    .description('restore a SQLite backup, all or nothing (verified, integrity-checked, then renamed into place)')
    .argument('<file>', 'a sealed backup made by backup create')
    .requiredOption('--to <path>', 'the SQLite database file to create')
    .option('--force', 'replace an existing database (stop the server first)')
    .action(async (file: string, o: { to: string; force?: boolean }) => {
      const config = loadConfig();
      const { keyring } = backupKeys(config, false);
      const restored = await restoreSqliteBackup(file, o.to, keyring, { force: o.force === true });
      printResult({ ...restored, erasures: await reapplyErasuresTo(config, o.to) });
    });

  backup
    .command('seal')
    .description('seal stdin with the backup key, to stdout or --out (e.g. pg_dump ... | slotguard backup seal > db.sgbackup)')
    .option('--out <file>', 'write the sealed backup to this file (0600) instead of stdout')
    .action(async (o: { out?: string }) => {
      if (process.stdin.isTTY) throw new UsageError('backup seal reads what to seal from stdin: pipe it in (pg_dump ... | slotguard backup seal)');
      const { keyring } = backupKeys(loadConfig(), true);
      const sink = o.out ? createWriteStream(o.out, { mode: 0o600, flags: 'wx', flush: true }) : binaryStdout('a sealed backup');
      const summary = await seal(process.stdin, sink, keyring.current, { content: 'stream', createdAt: new Date() });
      process.stderr.write(`sealed ${summary.bytes} bytes (SHA-256 ${summary.sha256}) with backup key ${summary.keyId}\n`);
    });

  backup
    .command('unseal')
    .description('write the plaintext of a sealed stream to stdout, only after all of it authenticated (e.g. | psql)')
    .argument('[file]', 'a sealed backup (default: stdin)')
    .action(async (file: string | undefined) => {
      const { keyring } = backupKeys(loadConfig(), false);
      const summary = await unsealVerified(file ? { file } : { stream: process.stdin }, process.stdout, keyring);
      process.stderr.write(`unsealed ${summary.bytes} bytes (SHA-256 ${summary.sha256}), sealed ${summary.createdAt}\n`);
    });
}
