import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../src/main.js';
import { LocalMasterKeyProvider } from '../src/security/crypto/master-key.js';
import { type Booked, type FreeStart, bookHaircut, freeStarts, missingBookings } from './support/booking-writer.js';
import { CLI_TIMEOUT } from './support/cli.js';
import { runCliPiped, runPipeline } from './support/cli-pipe.js';
import { type TestRuntime, testRuntime } from './support/databases.js';
import { seedShop } from './support/fixtures.js';

const MARKER = 'plaintext-marker-that-must-not-survive-sealing';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'slotguard-seal-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function env(backupKey: string, over: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: join(dir, 'unused.db'), BACKUP_KEY: backupKey, LOG_LEVEL: 'silent', ...over };
  delete e.BACKUP_KEY_FILE;
  return e;
}

describe('backup seal and unseal on stdin and stdout', CLI_TIMEOUT, () => {
  const key = randomBytes(32).toString('base64');
  // More than one record (64 KiB each), ending in a partial one.
  const plaintext = Buffer.concat([Buffer.from(`${MARKER}\n`), randomBytes(200_000), Buffer.from(MARKER)]);
  let sealed: Buffer;

  beforeAll(async () => {
    const run = await runCliPiped(env(key), ['backup', 'seal'], plaintext);
    expect(run.stderr).toMatch(/^sealed 200\d+ bytes \(SHA-256 [0-9a-f]{64}\) with backup key [0-9a-f]{16}\n$/);
    expect(run.code).toBe(0);
    sealed = run.stdout;
  });

  it('seals: nothing of the input is readable in the output', () => {
    expect(sealed.subarray(0, 8).toString('latin1')).toBe('SGBACKUP');
    expect(sealed.length).toBeGreaterThan(plaintext.length);
    expect(sealed.includes(Buffer.from(MARKER))).toBe(false);
  });

  it('unseals from stdin and from a file to exactly the input', async () => {
    const fromStdin = await runCliPiped(env(key), ['backup', 'unseal'], sealed);
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout.equals(plaintext)).toBe(true);

    const file = join(dir, 'sealed.sgbackup');
    writeFileSync(file, sealed);
    const fromFile = await runCliPiped(env(key), ['backup', 'unseal', file], null);
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout.equals(plaintext)).toBe(true);
  });

  it('writes not one byte of a stream whose last record was changed', async () => {
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 20] = (tampered[tampered.length - 20] ?? 0) ^ 0x80;
    const run = await runCliPiped(env(key), ['backup', 'unseal'], tampered);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/failed authentication at record 5: it was changed or damaged/);
    expect(run.stdout.length).toBe(0);
  });

  it('refuses another key, naming the one the stream was sealed with', async () => {
    const run = await runCliPiped(env(randomBytes(32).toString('base64')), ['backup', 'unseal'], sealed);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/sealed with backup key [0-9a-f]{16}, but the configured backup key is/);
    expect(run.stdout.length).toBe(0);
  });

  it('opens a stream sealed with an older key listed after the current one', async () => {
    const newer = randomBytes(32).toString('base64');
    const run = await runCliPiped(env(`${newer},${key}`), ['backup', 'unseal'], sealed);
    expect(run.code).toBe(0);
    expect(run.stdout.equals(plaintext)).toBe(true);
  });
});

describe('PostgreSQL: pg_dump | slotguard backup seal, then slotguard backup unseal | psql', CLI_TIMEOUT, () => {
  let rt: TestRuntime;
  let booked: Booked[];
  let orgId: string;
  const key = randomBytes(32).toString('base64');

  beforeAll(async () => {
    rt = await testRuntime('postgres');
    const shop = await seedShop(rt);
    orgId = shop.orgId;
    const starts = await freeStarts(rt, shop);
    booked = [];
    for (let n = 0; n < 12; n++) booked.push(await bookHaircut(rt, shop, starts[n] as FreeStart, n));
  });
  afterAll(async () => {
    await rt?.dispose();
  });

  it('restores a dropped schema from the sealed dump, every booking readable with the master key', async () => {
    if (rt.target.kind !== 'postgres' || !rt.target.schema) throw new Error('a PostgreSQL schema was expected');
    const file = join(dir, 'pg.sgbackup');
    const pgEnv = env(key, { PG_URL: rt.target.url, PG_SCHEMA: rt.target.schema, OUT: file });
    const dumped = await runPipeline(pgEnv, 'pg_dump --schema="$PG_SCHEMA" --no-owner --no-privileges "$PG_URL" | $SLOTGUARD backup seal > "$OUT"');
    expect(dumped.stderr).toMatch(/^sealed \d+ bytes/);
    expect(dumped.code).toBe(0);
    const sealed = readFileSync(file);
    expect(sealed.includes(Buffer.from('CREATE TABLE'))).toBe(false);
    expect(sealed.includes(Buffer.from(rt.target.schema))).toBe(false);

    const admin = new pg.Client({ connectionString: rt.target.url });
    await admin.connect();
    try {
      await admin.query(`DROP SCHEMA ${rt.target.schema} CASCADE`);
    } finally {
      await admin.end();
    }

    const restored = await runPipeline(pgEnv, '$SLOTGUARD backup unseal "$OUT" | psql -q -v ON_ERROR_STOP=1 --single-transaction "$PG_URL" > /dev/null');
    expect(restored.stderr).toMatch(/^unsealed \d+ bytes/);
    expect(restored.code).toBe(0);

    const again = await createRuntime({
      database: rt.target,
      publicUrl: 'https://book.example.test',
      masterKeys: new LocalMasterKeyProvider([rt.masterKey]),
      clock: rt.clock,
    });
    try {
      expect(booked.length).toBe(12);
      expect(await missingBookings(again, orgId, booked)).toEqual([]);
    } finally {
      await again.close();
    }
  });
});
