import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, type CliRun, freePort } from './support/cli.js';

const MASTER_KEY = randomBytes(32).toString('base64');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'slotguard-cli-user-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: join(dir, 'users.db'),
  MASTER_KEY,
  LOG_LEVEL: 'silent',
  ...extra,
});

/** Runs the CLI with the given standard input (or none, closed). */
function slotguard(args: string[], input: string | null, extra: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env: env(extra), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.once('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

function waitFor(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (pattern.test(out)) resolve(out);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before ${pattern}: ${out}`)));
  });
}

describe('first owner and users from the command line', CLI_TIMEOUT, () => {
  it('prints a one-time setup link (never a password) on a fresh start, then creates users from stdin', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
      env: env({ PORT: String(port), SLOTGUARD_DEMO: '1' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const out = await waitFor(server, /one-time link.*\n/);
      const link = /(http:\/\/\S+\/setup#([A-Za-z0-9_-]{43}))/.exec(out);
      expect(link?.[1]?.startsWith(`${base}/setup#`)).toBe(true);
      expect(out).not.toMatch(/password/i);

      const headers = { 'content-type': 'application/json', origin: base };
      const setup = await fetch(`${base}/api/v1/auth/setup`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ token: link?.[2], email: 'boss@example.org', name: 'Boss', password: 'k7#vmq2zx-lake', orgSlug: 'demo-shop' }),
      });
      expect(setup.status).toBe(201);

      const weak = await slotguard(['user', 'create', '--org', 'demo-shop', '--email', 'rec@example.org', '--role', 'receptionist', '--password-stdin'], 'password123\n');
      expect(weak.code).toBe(1);
      expect(weak.stdout).toBe('');
      expect(weak.stderr.trim().split('\n')).toHaveLength(1);
      expect(weak.stderr).toMatch(/^error: weak_password: .*at least 15 characters/);

      const password = 'orbiting velvet marmots hum';
      const made = await slotguard(['user', 'create', '--org', 'demo-shop', '--email', 'rec@example.org', '--role', 'receptionist', '--password-stdin'], `${password}\n`);
      expect(made.stderr).toBe('');
      expect(made.code).toBe(0);
      expect(JSON.parse(made.stdout)).toMatchObject({ role: 'receptionist', id: expect.any(String) });

      const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers, body: JSON.stringify({ email: 'rec@example.org', password }) });
      expect(login.status).toBe(200);
      expect(login.headers.get('set-cookie')).toMatch(/^sg_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
    } finally {
      server.kill('SIGTERM');
    }
    await new Promise((resolve) => server.once('exit', resolve));
  });

  it('refuses to take a password from nowhere: no terminal and no --password-stdin', async () => {
    const run = await slotguard(['user', 'create', '--org', 'demo-shop', '--email', 'x@example.org', '--role', 'staff'], null);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--password-stdin/);
    const badRole = await slotguard(['user', 'create', '--org', 'demo-shop', '--email', 'x@example.org', '--role', 'king', '--password-stdin'], 'x\n');
    expect(badRole.code).toBe(2);
  });
});
