import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, type CliRun, runCli } from './support/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'slotguard-keys-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function slotguard(...args: string[]): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: join(dir, 'db.sqlite'),
    MASTER_KEY_FILE: join(dir, 'master-key.json'),
    LOG_LEVEL: 'silent',
  };
  delete env.MASTER_KEY;
  return runCli(env, args);
}

describe('slotguard keys and customer erase', CLI_TIMEOUT, () => {
  it('rotates the master key in the key file and keeps the data readable', async () => {
    // A development key file is created on first use (0600); an explicit path gives no warning.
    const seeded = await slotguard('demo', 'seed');
    expect(seeded.code).toBe(0);
    const file = join(dir, 'master-key.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const before = JSON.parse((await slotguard('keys', 'status')).stdout);
    expect(before.masterKeys).toEqual([expect.objectContaining({ version: 'k1', current: true })]);
    expect(before.dataKeys.active).toBeGreaterThan(4);

    const rotated = await slotguard('keys', 'rotate', '--reencrypt');
    expect(rotated.code).toBe(0);
    const out = JSON.parse(rotated.stdout);
    expect(out).toMatchObject({ newMasterVersion: 'k2', currentMasterVersion: 'k2' });
    expect(out.rewrapped).toBe(before.dataKeys.active);
    expect(out.reencrypted).toBeGreaterThan(0);
    expect(out.status.staleWraps).toBe(0);
    expect(rotated.stderr).toMatch(/rewrap \[#+\]/);
    const keyFile = JSON.parse(readFileSync(file, 'utf8'));
    expect(keyFile.keys.map((k: { version: string }) => k.version)).toEqual(['k2', 'k1']);

    const erase = await slotguard('customer', 'erase', '--org', 'demo-shop', '--email', 'nobody-here@example.com');
    expect(erase.code).toBe(1);
    expect(erase.stderr).toMatch(/not_found/);
  });
});
