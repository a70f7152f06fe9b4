import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError } from '../src/db/backup/backup-error.js';
import { backupKeyring, parseBackupSecrets } from '../src/db/backup/backup-keys.js';
import { verifyBackupFile } from '../src/db/backup/sealed-files.js';
import { restoreSqliteBackup } from '../src/db/backup/sqlite-restore.js';
import { createRuntime } from '../src/main.js';
import { LocalMasterKeyProvider, randomMasterKey } from '../src/security/crypto/master-key.js';
import { type Booked, type FreeStart, bookHaircut, freeStarts, heldBookingIds, keepBooking, missingBookings } from './support/booking-writer.js';
import { CLI_TIMEOUT, runCli } from './support/cli.js';
import { type TestRuntime, testRuntime } from './support/databases.js';
import { type Shop, seedShop } from './support/fixtures.js';

const BACKUP_KEY = randomBytes(32).toString('base64');
const keyring = backupKeyring(parseBackupSecrets(BACKUP_KEY, 'BACKUP_KEY'));

describe('SQLite backups that lose nothing', CLI_TIMEOUT, () => {
  let dir: string;
  let rt: TestRuntime;
  let shop: Shop;
  let backupFile: string;
  let confirmedBefore: Booked[];
  let writtenDuring: Booked[];

  const env = (over: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
    const e: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: rt.target.kind === 'sqlite' ? rt.target.file : '', BACKUP_KEY, LOG_LEVEL: 'silent', ...over };
    delete e.BACKUP_KEY_FILE;
    return e;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'slotguard-backup-'));
    rt = await testRuntime('sqlite');
    shop = await seedShop(rt);
    const starts: FreeStart[] = await freeStarts(rt, shop);
    confirmedBefore = [];
    for (let n = 0; n < 40; n++) confirmedBefore.push(await bookHaircut(rt, shop, starts[n] as FreeStart, n));

    // Bookings keep coming from this process while another process takes the backup.
    const writer = keepBooking(rt, shop, starts, confirmedBefore.length);
    backupFile = join(dir, 'shop.sgbackup');
    const made = await runCli(env(), ['backup', 'create', '--out', backupFile]);
    await writer.stop();
    writtenDuring = writer.written;
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({ file: backupFile, formatVersion: 1, content: 'sqlite' });
  });
  afterAll(async () => {
    await rt?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes the backup while bookings are being written, into a sealed 0600 file', () => {
    expect(writtenDuring.length).toBeGreaterThan(0);
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    const raw = readFileSync(backupFile).toString('latin1');
    expect(raw.startsWith('SGBACKUP')).toBe(true);
    expect(raw).not.toContain('SQLite format 3');
    expect(raw).not.toContain('kysely_migration');
  });

  it('verifies: authenticated, checksum matching, with a summary', async () => {
    const verified = await runCli(env(), ['backup', 'verify', backupFile]);
    expect(verified.code).toBe(0);
    const summary = JSON.parse(verified.stdout);
    expect(summary).toMatchObject({ ok: true, formatVersion: 1, content: 'sqlite', keyId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(summary.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.bytes).toBeGreaterThan(100_000);
  });

  it('restores into a fresh data directory with every booking confirmed before the backup started, readable with the same master key', async () => {
    const target = join(dir, 'fresh-data', 'slotguard.db');
    const restored = await runCli(env(), ['backup', 'restore', backupFile, '--to', target]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ restoredTo: target, migrations: expect.any(Number) });
    expect(readdirSync(join(dir, 'fresh-data'))).toEqual(['slotguard.db']);

    const sameKey = await createRuntime({
      database: { kind: 'sqlite', file: target },
      publicUrl: 'https://book.example.test',
      masterKeys: new LocalMasterKeyProvider([rt.masterKey]),
      clock: rt.clock,
    });
    try {
      expect(confirmedBefore.length).toBeGreaterThanOrEqual(40);
      expect(await missingBookings(sameKey, shop.orgId, confirmedBefore)).toEqual([]);
      // A consistent snapshot taken amid the writes: the first of them are in it, the last are not.
      const held = await heldBookingIds(sameKey, shop.orgId, writtenDuring);
      expect(held.length).toBeGreaterThan(0);
      expect(held.length).toBeLessThan(writtenDuring.length);
      expect(held).toEqual(writtenDuring.slice(0, held.length).map((b) => b.id));
    } finally {
      await sameKey.close();
    }

    // The backup holds ciphertext only: another master key cannot read the customers.
    const otherKey = await createRuntime({
      database: { kind: 'sqlite', file: target },
      publicUrl: 'https://book.example.test',
      masterKeys: new LocalMasterKeyProvider([randomMasterKey('k1')]),
      clock: rt.clock,
    });
    try {
      await expect(missingBookings(otherKey, shop.orgId, confirmedBefore.slice(0, 1))).rejects.toThrow();
    } finally {
      await otherKey.close();
    }
  });

  it.each([
    ['a byte changed in the middle', (b: Buffer) => flip(b, Math.floor(b.length / 2)), /failed authentication at record \d+: it was changed or damaged/],
    ['a byte changed in the header', (b: Buffer) => flip(b, 40), /failed authentication at record 1|header/],
    ['the end cut off', (b: Buffer) => b.subarray(0, b.length - 100), /truncated/],
    ['a record dropped', (b: Buffer) => dropSecondRecord(b), /failed authentication at record 2/],
  ])('refuses a backup with %s, and restores nothing', async (_what, tamper, message) => {
    const bad = join(dir, `tampered-${randomBytes(3).toString('hex')}.sgbackup`);
    writeFileSync(bad, tamper(readFileSync(backupFile)));
    const targetDir = join(dir, `tampered-target-${randomBytes(3).toString('hex')}`);
    const restore = restoreSqliteBackup(bad, join(targetDir, 'slotguard.db'), keyring, { force: false });
    await expect(restore).rejects.toThrow(BackupError);
    await expect(restore).rejects.toThrow(message);
    await expect(restore).rejects.toThrow(/Nothing was restored/);
    expect(readdirSync(targetDir)).toEqual([]);
    await expect(verifyBackupFile(bad, keyring)).rejects.toThrow(message);
  });

  it('says on the command line why a damaged backup was refused', async () => {
    const bad = join(dir, 'damaged.sgbackup');
    writeFileSync(bad, flip(readFileSync(backupFile), 5000));
    const restored = await runCli(env(), ['backup', 'restore', bad, '--to', join(dir, 'damaged', 'slotguard.db')]);
    expect(restored.code).toBe(1);
    expect(restored.stderr).toBe('error: The backup failed authentication at record 1: it was changed or damaged after it was made. Nothing was restored\n');
    expect(readdirSync(join(dir, 'damaged'))).toEqual([]);
  });

  it('refuses the wrong backup key by name, and restores nothing', async () => {
    const target = join(dir, 'wrong-key', 'slotguard.db');
    const restored = await runCli(env({ BACKUP_KEY: randomBytes(32).toString('base64') }), ['backup', 'restore', backupFile, '--to', target]);
    expect(restored.code).toBe(1);
    expect(restored.stderr).toMatch(/sealed with backup key [0-9a-f]{16}, but the configured backup key is [0-9a-f]{16}: set BACKUP_KEY or BACKUP_KEY_FILE/);
    expect(existsSync(target)).toBe(false);
  });

  it('never overwrites an existing database unless told to with --force', async () => {
    const target = join(dir, 'existing', 'slotguard.db');
    await restoreSqliteBackup(backupFile, target, keyring, { force: false });
    writeFileSync(target, 'not the database any more');
    const refused = await runCli(env(), ['backup', 'restore', backupFile, '--to', target]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already exists: pass --force/);
    expect(readFileSync(target, 'utf8')).toBe('not the database any more');
    writeFileSync(`${target}-wal`, 'a stale write-ahead log of the replaced database');
    await restoreSqliteBackup(backupFile, target, keyring, { force: true });
    expect(readFileSync(target).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    expect(existsSync(`${target}-wal`)).toBe(false);
  });
});

function flip(buffer: Buffer, at: number): Buffer {
  const copy = Buffer.from(buffer);
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}

/** Removes the second record (its 5-byte prefix says how long it is). */
function dropSecondRecord(b: Buffer): Buffer {
  const headerEnd = 13 + b.readUInt32BE(9);
  const secondStart = headerEnd + 5 + b.readUInt32BE(headerEnd + 1);
  const secondEnd = secondStart + 5 + b.readUInt32BE(secondStart + 1);
  return Buffer.concat([b.subarray(0, secondStart), b.subarray(secondEnd)]);
}
