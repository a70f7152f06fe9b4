import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  LocalMasterKeyProvider,
  type MasterKeyInfo,
  MasterKeyError,
  type MasterKeyProvider,
  type MasterKeyVersion,
  randomMasterKey,
} from './master-key.js';

export interface MasterKeySettings {
  /** MASTER_KEY: `base64` (one key, version k1) or `k2:base64,k1:base64` (first is current). */
  env: string | null;
  /** MASTER_KEY_FILE: a JSON key file; written (0600) by `keys rotate` and in development. */
  file: string;
  /** True when the file path was set explicitly rather than defaulted. */
  fileExplicit: boolean;
  production: boolean;
}

interface KeyFile {
  keys: { version: string; key: string; createdAt: number | null }[];
}

export interface LoadedMasterKeys {
  provider: MasterKeyProvider;
  source: 'env' | 'file' | 'created';
  warning: string | null;
}

function decodeKey(text: string, version: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) throw new MasterKeyError(`Master key ${version} must be 32 bytes in base64 or hex`);
  return key;
}

export function parseMasterKeyEnv(value: string): MasterKeyVersion[] {
  const parts = value.split(',').map((p) => p.trim()).filter(Boolean);
  return parts.map((part, i) => {
    const at = part.indexOf(':');
    const version = at > 0 ? part.slice(0, at) : `k${parts.length - i}`;
    return { version, key: decodeKey(at > 0 ? part.slice(at + 1) : part, version), createdAt: null };
  });
}

export function readKeyFile(file: string): MasterKeyVersion[] {
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) throw new MasterKeyError(`Master key file ${file} must not be readable by others (chmod 600)`);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as KeyFile;
  if (!Array.isArray(parsed.keys) || parsed.keys.length === 0) throw new MasterKeyError(`Master key file ${file} holds no keys`);
  return parsed.keys.map((k) => ({ version: k.version, key: decodeKey(k.key, k.version), createdAt: k.createdAt ?? null }));
}

/** Writes the key file atomically with 0600 permissions; the first key is current. */
export function writeKeyFile(file: string, keys: MasterKeyVersion[]): void {
  mkdirSync(dirname(file), { recursive: true });
  const body: KeyFile = { keys: keys.map((k) => ({ version: k.version, key: k.key.toString('base64'), createdAt: k.createdAt })) };
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

/**
 * The master key from MASTER_KEY or a key file. Production refuses to start without one;
 * development creates a key file (0600) and says so.
 */
export function loadMasterKeys(s: MasterKeySettings, now: number): LoadedMasterKeys {
  if (s.env) return { provider: new LocalMasterKeyProvider(parseMasterKeyEnv(s.env)), source: 'env', warning: null };
  if (s.production && !s.fileExplicit) {
    throw new MasterKeyError('No master key: set MASTER_KEY or MASTER_KEY_FILE (production never uses or creates a default one)');
  }
  if (existsSync(s.file)) {
    const warning = s.fileExplicit
      ? null
      : `Using the development master key file ${s.file}; in production keep master keys apart from the database and its backups`;
    return { provider: new FileMasterKeyProvider(s.file), source: 'file', warning };
  }
  if (s.production) throw new MasterKeyError(`Master key file ${s.file} does not exist`);
  const key = randomMasterKey('k1', now);
  writeKeyFile(s.file, [key]);
  return {
    provider: new LocalMasterKeyProvider([key]),
    source: 'created',
    warning: `Created a development master key in ${s.file} (0600). Back it up: without it the data cannot be read`,
  };
}

/**
 * Master keys from a key file that `slotguard keys rotate` may change while servers run: a
 * version it does not know makes it read the file again, and it looks for a new current
 * version at most every `recheckMs`.
 */
export class FileMasterKeyProvider implements MasterKeyProvider {
  readonly kind = 'file';
  private inner: LocalMasterKeyProvider;
  private mtimeMs: number;
  private checkedAt = 0;

  constructor(
    private readonly file: string,
    private readonly recheckMs = 30_000,
  ) {
    this.inner = new LocalMasterKeyProvider(readKeyFile(file));
    this.mtimeMs = statSync(file).mtimeMs;
  }

  private refresh(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.checkedAt < this.recheckMs) return;
    this.checkedAt = now;
    const mtimeMs = statSync(this.file).mtimeMs;
    if (mtimeMs === this.mtimeMs) return;
    this.inner = new LocalMasterKeyProvider(readKeyFile(this.file));
    this.mtimeMs = mtimeMs;
  }

  currentVersion(): string {
    this.refresh(false);
    return this.inner.currentVersion();
  }

  versions(): MasterKeyInfo[] {
    return this.inner.versions();
  }

  wrap(dataKey: Buffer): Promise<{ version: string; wrapped: string }> {
    this.refresh(false);
    return this.inner.wrap(dataKey);
  }

  unwrap(version: string, wrapped: string): Promise<Buffer> {
    if (!this.inner.versions().some((v) => v.version === version)) this.refresh(true);
    return this.inner.unwrap(version, wrapped);
  }
}

/** Adds a new master key version in front of the key file's versions; returns its name. */
export function addKeyFileVersion(file: string, now: number): string {
  const keys = readKeyFile(file);
  const highest = Math.max(0, ...keys.map((k) => Number(/^k(\d+)$/.exec(k.version)?.[1] ?? 0)));
  const next = randomMasterKey(`k${highest + 1}`, now);
  writeKeyFile(file, [next, ...keys]);
  return next.version;
}
