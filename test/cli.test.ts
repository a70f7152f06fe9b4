import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, type CliRun, freePort, runCli } from './support/cli.js';

type Run = CliRun;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'slotguard-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const MASTER_KEY = randomBytes(32).toString('base64');

function env(db: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: join(dir, db), MASTER_KEY, LOG_LEVEL: 'silent', ...extra };
}

const run = runCli;

const slotguard = (db: string, ...args: string[]) => run(env(db), args);

function parsed(result: Run, stderr = ''): Record<string, unknown> {
  expect(result.stderr).toBe(stderr);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

const ok = async (db: string, ...args: string[]) => parsed(await slotguard(db, ...args));

/** A user mistake: one line on stderr, nothing on stdout, no stack trace. */
function expectOneLineError(run: Run, code: number, message: string | RegExp): void {
  expect(run.code).toBe(code);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('slotguard CLI', CLI_TIMEOUT, () => {
  it('sets up a business step by step and prints the ids it creates', async () => {
    const db = 'setup.db';
    const migrate = await slotguard(db, 'migrate');
    expect(migrate).toMatchObject({ code: 0, stdout: expect.stringMatching(/^applied 0001-foundation\napplied 0002-outbox\n/) });
    expect((await slotguard(db, 'migrate')).stdout).toBe('database is up to date\n');

    const org = await ok(db, 'org', 'create', '--slug', 'velo', '--name', 'Velo Werkstatt', '--time-zone', 'Europe/Berlin', '--locale', 'en');
    expect(org).toMatchObject({ slug: 'velo', timeZone: 'Europe/Berlin', locale: 'en' });
    expect(org.id).toMatch(/^[0-9a-f-]{36}$/);

    const ana = await ok(db, 'staff', 'create', '--org', 'velo', '--name', 'Ana');
    const ben = await ok(db, 'staff', 'create', '--org', 'velo', '--name', 'Ben', '--time-zone', 'Europe/Lisbon');
    expect(ana).toMatchObject({ orgId: org.id, timeZone: 'Europe/Berlin' });
    expect(ben).toMatchObject({ timeZone: 'Europe/Lisbon' });

    const service = await ok(
      db,
      ...['service', 'create', '--org', 'velo', '--name', 'Workshop', '--duration', '90', '--price', '40.50', '--currency', 'EUR'],
      ...['--buffer-after', '15', '--interval', '30', '--capacity', '6', '--approval', '--staff', `${ana.id},${ben.id}`],
    );
    expect(service).toMatchObject({
      orgId: org.id,
      durationMin: 90,
      priceCents: 4050,
      currency: 'EUR',
      bufferAfterMin: 15,
      slotIntervalMin: 30,
      capacity: 6,
      requiresApproval: true,
    });
    expect(service.staffIds).toEqual(expect.arrayContaining([ana.id, ben.id]));

    const hours = await ok(
      db,
      ...['hours', 'set', '--org', 'velo', '--staff', String(ana.id)],
      ...['--day', 'mon-fri', '--from', '09:00', '--to', '12:00', '--week', 'mon-fri 13:00-17:00; sat 10:00-14:00'],
    );
    expect(hours.hours).toHaveLength(11);
    expect(hours.hours).toContainEqual({ weekday: 6, start: 600, end: 840 });

    const off = await ok(db, 'override', 'add', '--org', 'velo', '--staff', String(ana.id), '--date', '2027-03-02', '--off');
    expect(off.override).toEqual({ date: '2027-03-02', kind: 'off', intervals: [] });
    const extra = await ok(db, 'override', 'add', '--org', 'velo', '--staff', String(ana.id), '--date', '2027-03-06', '--hours', '10:00-14:00,15:00-16:00');
    expect(extra.override).toEqual({
      date: '2027-03-06',
      kind: 'hours',
      intervals: [
        { start: 600, end: 840 },
        { start: 900, end: 960 },
      ],
    });

    // The same slug again is refused by the use case: code, message and exit 1.
    const again = await slotguard(db, 'org', 'create', '--slug', 'velo', '--name', 'Other', '--time-zone', 'Europe/Berlin');
    expectOneLineError(again, 1, 'error: conflict: The slug "velo" is already taken');
  });

  it('answers bad arguments with one clear line and a non-zero exit, never a stack trace', async () => {
    const db = 'bad.db';
    await ok(db, 'org', 'create', '--slug', 'shop', '--name', 'Shop', '--time-zone', 'Asia/Shanghai', '--locale', 'zh-CN');

    // Independent mistakes, checked side by side.
    const [missing, unknown, invalid, notNumber, outOfRange, noOrg, badTime, twoKinds] = await Promise.all([
      slotguard(db, 'org', 'create', '--slug', 'x'),
      slotguard(db, 'frobnicate'),
      slotguard(db, 'org', 'create', '--slug', 'Bad Slug', '--name', 'X', '--time-zone', 'Mars/Base'),
      slotguard(db, 'service', 'create', '--org', 'shop', '--name', 'X', '--duration', 'ten'),
      slotguard(db, 'service', 'create', '--org', 'shop', '--name', 'X', '--duration', '3', '--staff', 'a'),
      slotguard(db, 'staff', 'create', '--org', 'nowhere', '--name', 'Ana'),
      slotguard(db, 'hours', 'set', '--org', 'shop', '--staff', 'x', '--day', 'mon', '--from', '9am', '--to', '12:00'),
      slotguard(db, 'override', 'add', '--org', 'shop', '--staff', 'x', '--date', '2027-03-02', '--off', '--extra', '18:00-20:00'),
    ]);
    expectOneLineError(missing, 2, "error: required option '--name <name>' not specified");
    expectOneLineError(unknown, 2, "error: unknown command 'frobnicate'");
    expectOneLineError(invalid, 1, /^error: invalid_request: .*slug \(--slug\): must be 3-63 .*timeZone \(--time-zone\): must be an IANA time zone/);
    expectOneLineError(notNumber, 2, 'error: --duration must be a whole number (got "ten")');
    expectOneLineError(outOfRange, 1, 'durationMin (--duration): must be a whole number from 5 to 1440');
    expectOneLineError(noOrg, 1, 'error: not_found: Organization not found');
    expectOneLineError(badTime, 2, 'error: "9am" is not a time of day; use HH:MM');
    expectOneLineError(twoKinds, 2, 'error: give exactly one of --off, --hours <ranges> or --extra <ranges>');
    expectOneLineError(await run(env('x.db', { PORT: 'eighty' }), ['migrate']), 2, 'error: invalid configuration: PORT must be an integer');
    const production = env('x.db', { NODE_ENV: 'production', MASTER_KEY: '' });
    expectOneLineError(await run(production, ['migrate']), 2, 'error: No master key: set MASTER_KEY or MASTER_KEY_FILE');
  });

  it('seeds the demo once: a second run changes nothing', async () => {
    // Without MASTER_KEY, development creates a key file and says so on stderr, once.
    const keyFile = env('demo.db', { MASTER_KEY: '', MASTER_KEY_FILE: join(dir, 'keys', 'master-key.json') });
    const first = parsed(await run(keyFile, ['demo', 'seed']), `warning: Created a development master key in ${keyFile.MASTER_KEY_FILE} (0600). Back it up: without it the data cannot be read\n`);
    expect(first.created).toBe(true);
    expect(first.orgs).toEqual([
      expect.objectContaining({ slug: 'demo-clinic', services: 4, staff: 3 }),
      expect.objectContaining({ slug: 'demo-shop', services: 4, staff: 3 }),
    ]);
    const second = parsed(await run(keyFile, ['demo', 'seed']));
    expect(second).toEqual({ ...first, created: false });
  });

  it('start migrates, seeds the demo, serves it, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
      env: env('start.db', { PORT: String(port), SLOTGUARD_DEMO: '1' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const out = await waitForOutput(child, /api\/docs/);
      expect(out).toContain('seeded demo data: demo-clinic');
      expect(out).toContain(`http://127.0.0.1:${port}/api/v1/orgs/demo-clinic/services`);
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/orgs/demo-clinic/services`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { org: { timeZone: string }; services: unknown[] };
      expect(body.org.timeZone).toBe('Asia/Shanghai');
      expect(body.services).toHaveLength(4);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code).toBe(0);
  });
});

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms; stdout: ${out}; stderr: ${err}`)), timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (pattern.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ${pattern}; stdout: ${out}; stderr: ${err}`));
    });
  });
}
