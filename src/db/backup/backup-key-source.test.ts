import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBackupKeys } from './backup-key-source.js';
import { backupKeyFrom } from './backup-keys.js';

describe('backup keys', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'slotguard-backup-keys-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const settings = (over: Partial<Parameters<typeof loadBackupKeys>[0]> = {}) => ({
    env: null,
    file: join(dir, `backup-${randomBytes(3).toString('hex')}.key`),
    fileExplicit: false,
    production: false,
    ...over,
  });

  it('takes BACKUP_KEY in base64 or hex, the first key sealing and every key opening', () => {
    const [a, b] = [randomBytes(32), randomBytes(32)];
    const { keyring } = loadBackupKeys(settings({ env: `${a.toString('base64')},${b.toString('hex')}` }), { create: true });
    expect(keyring.current.id).toBe(backupKeyFrom(a).id);
    expect(keyring.find(backupKeyFrom(b).id)?.secret.equals(b)).toBe(true);
    expect(() => loadBackupKeys(settings({ env: 'too-short' }), { create: true })).toThrow(/key 1 is not 32 bytes in base64 or hex/);
  });

  it('in production refuses to run without BACKUP_KEY or BACKUP_KEY_FILE', () => {
    expect(() => loadBackupKeys(settings({ production: true }), { create: true })).toThrow(/No backup key: set BACKUP_KEY or BACKUP_KEY_FILE/);
  });

  it('in development creates a 0600 key file to seal with, and never invents one to open with', () => {
    const s = settings();
    expect(() => loadBackupKeys(s, { create: false })).toThrow(/does not exist; set BACKUP_KEY or BACKUP_KEY_FILE to the key the backup was made with/);
    const created = loadBackupKeys(s, { create: true });
    expect(created.warning).toMatch(/Created a development backup key/);
    expect(statSync(s.file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(s.file, 'utf8').trim(), 'base64')).toHaveLength(32);
    expect(loadBackupKeys(s, { create: false }).keyring.current.id).toBe(created.keyring.current.id);
  });

  it('refuses a key file others may read', () => {
    const s = settings({ fileExplicit: true });
    writeFileSync(s.file, `${randomBytes(32).toString('base64')}\n`);
    chmodSync(s.file, 0o640);
    expect(() => loadBackupKeys(s, { create: false })).toThrow(/must not be readable by others \(chmod 600\)/);
  });
});
