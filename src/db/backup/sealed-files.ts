import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BackupKeyring } from './backup-keys.js';
import type { BackupSummary } from './sealed-format.js';
import { type UnsealOptions, unseal } from './unseal.js';

/** A sink that keeps nothing: verifying reads everything and writes nowhere. */
export function discard(): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });
}

/** Authenticates the whole backup file and checks its checksum; returns what it holds. */
export function verifyBackupFile(file: string, keyring: BackupKeyring, options: UnsealOptions = {}): Promise<BackupSummary> {
  return unseal(createReadStream(file), discard(), keyring, options);
}

/**
 * Writes the plaintext to `output` only once the whole backup has authenticated, so a reader
 * such as psql never receives the first half of a damaged dump. A backup arriving on a pipe
 * is first kept, still encrypted, in a private temporary file to be read twice.
 */
export async function unsealVerified(input: { file: string } | { stream: AsyncIterable<Uint8Array> }, output: Writable, keyring: BackupKeyring): Promise<BackupSummary> {
  if ('file' in input) {
    await verifyBackupFile(input.file, keyring);
    return unseal(createReadStream(input.file), output, keyring);
  }
  const dir = mkdtempSync(join(tmpdir(), 'slotguard-unseal-'));
  try {
    const spooled = join(dir, 'sealed.sgbackup');
    await pipeline(input.stream, createWriteStream(spooled, { mode: 0o600 }));
    return await unsealVerified({ file: spooled }, output, keyring);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
