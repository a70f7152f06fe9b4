import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { randomBytesPooled } from '../random-pool.js';

/**
 * Wraps and unwraps data keys. The local provider keeps versioned 256-bit master keys; a
 * cloud KMS or Vault provider implements the same interface (wrapping happens remotely).
 */
export interface MasterKeyProvider {
  readonly kind: string;
  /** The version new data keys are wrapped with. */
  currentVersion(): string;
  versions(): MasterKeyInfo[];
  wrap(dataKey: Buffer): Promise<{ version: string; wrapped: string }>;
  unwrap(version: string, wrapped: string): Promise<Buffer>;
}

export interface MasterKeyInfo {
  version: string;
  createdAt: number | null;
  current: boolean;
}

export interface MasterKeyVersion {
  version: string;
  key: Buffer;
  createdAt: number | null;
}

export class MasterKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MasterKeyError';
  }
}

/** Master keys held in process memory (read from MASTER_KEY or a key file). */
export class LocalMasterKeyProvider implements MasterKeyProvider {
  readonly kind = 'local';
  private readonly keys: Map<string, MasterKeyVersion>;

  /** `keys[0]` is current; older versions stay to unwrap what they wrapped. */
  constructor(keys: MasterKeyVersion[]) {
    if (keys.length === 0) throw new MasterKeyError('At least one master key is needed');
    for (const k of keys) {
      if (k.key.length !== 32) throw new MasterKeyError(`Master key ${k.version} must be 256 bits (32 bytes)`);
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(k.version)) throw new MasterKeyError(`Bad master key version name "${k.version}"`);
    }
    this.keys = new Map(keys.map((k) => [k.version, k]));
    this.current = (keys[0] as MasterKeyVersion).version;
  }

  private readonly current: string;

  currentVersion(): string {
    return this.current;
  }

  versions(): MasterKeyInfo[] {
    return [...this.keys.values()].map((k) => ({ version: k.version, createdAt: k.createdAt, current: k.version === this.current }));
  }

  async wrap(dataKey: Buffer): Promise<{ version: string; wrapped: string }> {
    const master = this.keys.get(this.current) as MasterKeyVersion;
    const nonce = randomBytesPooled(12);
    const cipher = createCipheriv('aes-256-gcm', master.key, nonce);
    cipher.setAAD(Buffer.from(`slotguard-data-key:${master.version}`));
    const body = Buffer.concat([cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
    return { version: master.version, wrapped: Buffer.concat([nonce, body]).toString('base64url') };
  }

  async unwrap(version: string, wrapped: string): Promise<Buffer> {
    const master = this.keys.get(version);
    if (!master) throw new MasterKeyError(`Master key version ${version} is not available`);
    const raw = Buffer.from(wrapped, 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', master.key, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(`slotguard-data-key:${version}`));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
    } catch {
      throw new MasterKeyError(`A data key failed to unwrap with master key ${version}`);
    }
  }
}

export function randomMasterKey(version = 'k1', createdAt: number | null = null): MasterKeyVersion {
  return { version, key: randomBytes(32), createdAt };
}
