import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BackupKey } from './backup-keys.js';
import { fileKey } from './backup-keys.js';
import {
  type BackupContent,
  type BackupSummary,
  CHUNK_BYTES,
  FORMAT_VERSION,
  RECORD_DATA,
  RECORD_FINAL,
  encodeHeader,
  nonceFor,
  recordPrefix,
} from './sealed-format.js';

export interface SealOptions {
  content: BackupContent;
  createdAt: Date;
}

/**
 * Encrypts and authenticates `source` into `sink` (format: sealed-format.ts), holding at most
 * one chunk of plaintext in memory, and returns what was sealed.
 */
export async function seal(source: AsyncIterable<Uint8Array>, sink: Writable, key: BackupKey, options: SealOptions): Promise<BackupSummary> {
  const salt = randomBytes(16);
  const header = encodeHeader({
    keyId: key.id,
    createdAt: options.createdAt.toISOString(),
    content: options.content,
    cipher: 'AES-256-GCM',
    chunkBytes: CHUNK_BYTES,
    salt: salt.toString('base64'),
  });
  const aesKey = fileKey(key, salt);
  const hash = createHash('sha256');
  let bytes = 0;
  let chunks = 0;

  const record = (kind: number, plaintext: Buffer): Buffer => {
    const cipher = createCipheriv('aes-256-gcm', aesKey, nonceFor(chunks, kind));
    cipher.setAAD(header);
    const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    chunks += 1;
    return Buffer.concat([recordPrefix(kind, body.length), body]);
  };
  const dataRecord = (plaintext: Buffer): Buffer => {
    hash.update(plaintext);
    bytes += plaintext.length;
    return record(RECORD_DATA, plaintext);
  };

  const result: { summary?: BackupSummary } = {};
  await pipeline(
    source,
    async function* sealRecords(input: AsyncIterable<Uint8Array>) {
      yield header;
      let pending = Buffer.alloc(0);
      for await (const piece of input) {
        pending = pending.length === 0 ? Buffer.from(piece) : Buffer.concat([pending, piece]);
        while (pending.length >= CHUNK_BYTES) {
          yield dataRecord(pending.subarray(0, CHUNK_BYTES));
          pending = pending.subarray(CHUNK_BYTES);
        }
      }
      if (pending.length > 0) yield dataRecord(pending);
      const trailer = { sha256: hash.digest('hex'), bytes, chunks };
      yield record(RECORD_FINAL, Buffer.from(JSON.stringify(trailer), 'utf8'));
      result.summary = { formatVersion: FORMAT_VERSION, keyId: key.id, createdAt: options.createdAt.toISOString(), content: options.content, ...trailer };
    },
    sink,
  );
  if (!result.summary) throw new Error('sealing ended without its final record');
  return result.summary;
}
