import { randomBytes } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BackupError } from './backup-error.js';
import { backupKeyFrom, backupKeyring } from './backup-keys.js';
import { seal } from './seal.js';
import { CHUNK_BYTES } from './sealed-format.js';
import { discard } from './sealed-files.js';
import { unseal } from './unseal.js';

const key = backupKeyFrom(randomBytes(32));
const keyring = backupKeyring([key]);

async function sealBytes(plaintext: Buffer, content: 'sqlite' | 'stream' = 'stream'): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  // Small, uneven pieces: records must not depend on how the input arrives.
  const pieces = Readable.from(Array.from({ length: Math.ceil(plaintext.length / 7777) }, (_, i) => plaintext.subarray(i * 7777, (i + 1) * 7777)));
  await seal(pieces, out, key, { content, createdAt: new Date('2027-03-01T00:00:00Z') });
  return Buffer.concat(chunks);
}

async function unsealBytes(sealed: Buffer, options: { expectContent?: 'sqlite' | 'stream' } = {}): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await unseal(Readable.from([sealed]), out, keyring, options);
  return Buffer.concat(chunks);
}

/** [start, end) of every record after the header. */
function records(sealed: Buffer): [number, number][] {
  const spans: [number, number][] = [];
  let at = 13 + sealed.readUInt32BE(9);
  while (at < sealed.length) {
    const end = at + 5 + sealed.readUInt32BE(at + 1);
    spans.push([at, end]);
    at = end;
  }
  return spans;
}

describe('sealed backups', () => {
  it.each([0, 1, CHUNK_BYTES, CHUNK_BYTES * 2 + 3])('round-trips %i bytes', async (size) => {
    const plaintext = randomBytes(size);
    const sealed = await sealBytes(plaintext);
    expect((await unsealBytes(sealed)).equals(plaintext)).toBe(true);
    expect(records(sealed)).toHaveLength(Math.ceil(size / CHUNK_BYTES) + 1);
  });

  it('reports what it sealed: version, key id, time, content, size and SHA-256', async () => {
    const sealed = await sealBytes(Buffer.from('hello'), 'sqlite');
    const summary = await unseal(Readable.from([sealed]), discard(), keyring);
    expect(summary).toEqual({
      formatVersion: 1,
      keyId: key.id,
      createdAt: '2027-03-01T00:00:00.000Z',
      content: 'sqlite',
      bytes: 5,
      chunks: 1,
      sha256: '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
    });
  });

  it('refuses records swapped, duplicated, or followed by extra bytes', async () => {
    const sealed = await sealBytes(randomBytes(CHUNK_BYTES * 2 + 10));
    const [first, second] = records(sealed) as [[number, number], [number, number]];
    const head = sealed.subarray(0, first[0]);
    const swapped = Buffer.concat([head, sealed.subarray(...second), sealed.subarray(...first), sealed.subarray(second[1])]);
    await expect(unsealBytes(swapped)).rejects.toThrow(/failed authentication at record 1/);
    const duplicated = Buffer.concat([sealed.subarray(0, first[1]), sealed.subarray(...first), sealed.subarray(first[1])]);
    await expect(unsealBytes(duplicated)).rejects.toThrow(/failed authentication at record 2/);
    await expect(unsealBytes(Buffer.concat([sealed, Buffer.from([0])]))).rejects.toThrow(/data after its final record/);
  });

  it('refuses a file that is not a backup, a newer format, and the wrong kind of content', async () => {
    await expect(unsealBytes(Buffer.from('SQLite format 3\0 and more'))).rejects.toThrow(/not a Slotguard backup/);
    const sealed = await sealBytes(Buffer.from('dump'), 'stream');
    const newer = Buffer.from(sealed);
    newer[8] = 2;
    await expect(unsealBytes(newer)).rejects.toThrow(/format version 2; this slotguard reads version 1/);
    await expect(unsealBytes(sealed, { expectContent: 'sqlite' })).rejects.toThrow(/holds a stream \(such as pg_dump output\), not a SQLite database/);
    await expect(unsealBytes(sealed.subarray(0, 20))).rejects.toThrow(BackupError);
  });
});
