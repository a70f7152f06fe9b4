import { createDecipheriv, createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BackupError } from './backup-error.js';
import { type BackupKeyring, fileKey } from './backup-keys.js';
import { ByteReader } from './byte-reader.js';
import {
  type BackupContent,
  type BackupHeader,
  type BackupSummary,
  type BackupTrailer,
  FORMAT_VERSION,
  MAGIC,
  MAX_HEADER_BYTES,
  MAX_TRAILER_BYTES,
  RECORD_DATA,
  RECORD_FINAL,
  TAG_BYTES,
  nonceFor,
  parseHeader,
} from './sealed-format.js';

export interface UnsealOptions {
  /** Refuse a backup that holds something else (e.g. a pg_dump stream where a database is expected). */
  expectContent?: BackupContent;
}

const CONTENT_NAMES: Record<BackupContent, string> = { sqlite: 'a SQLite database', stream: 'a stream (such as pg_dump output)' };

/**
 * Authenticates and decrypts a sealed backup into `sink`. Each record reaches the sink only
 * after it authenticated; a failure anywhere (wrong key, a changed byte, a cut-off file, a
 * checksum that does not match) rejects with a BackupError, so a caller that writes to a
 * temporary file can throw the partial plaintext away.
 */
export async function unseal(source: AsyncIterable<Uint8Array>, sink: Writable, keyring: BackupKeyring, options: UnsealOptions = {}): Promise<BackupSummary> {
  const result: { summary?: BackupSummary } = {};
  await pipeline(
    source,
    async function* openRecords(input: AsyncIterable<Uint8Array>) {
      const reader = new ByteReader(input);
      const { header, headerBytes } = await readHeader(reader);
      const key = keyring.find(header.keyId);
      if (!key) {
        throw new BackupError(
          `This backup was sealed with backup key ${header.keyId}, but the configured backup key is ${keyring.current.id}: set BACKUP_KEY or BACKUP_KEY_FILE to the key it was made with`,
        );
      }
      if (options.expectContent && header.content !== options.expectContent) {
        throw new BackupError(`This backup holds ${CONTENT_NAMES[header.content]}, not ${CONTENT_NAMES[options.expectContent]}`);
      }
      const aesKey = fileKey(key, Buffer.from(header.salt, 'base64'));
      const hash = createHash('sha256');
      let bytes = 0;
      let index = 0;
      for (;;) {
        const { kind, plaintext } = await readRecord(reader, header, headerBytes, aesKey, index);
        if (kind === RECORD_FINAL) {
          if ((await reader.read(1)).length > 0) throw new BackupError('The backup has data after its final record: it was changed or damaged');
          const trailer = parseTrailer(plaintext);
          const sha256 = hash.digest('hex');
          if (trailer.chunks !== index || trailer.bytes !== bytes || trailer.sha256 !== sha256) {
            throw new BackupError(`The backup's checksum does not match its content (SHA-256 ${sha256}, expected ${trailer.sha256})`);
          }
          result.summary = { formatVersion: FORMAT_VERSION, keyId: header.keyId, createdAt: header.createdAt, content: header.content, ...trailer };
          return;
        }
        hash.update(plaintext);
        bytes += plaintext.length;
        index += 1;
        yield plaintext;
      }
    },
    sink,
  );
  if (!result.summary) throw new Error('unsealing ended without the final record');
  return result.summary;
}

async function readHeader(reader: ByteReader): Promise<{ header: BackupHeader; headerBytes: Buffer }> {
  const fixed = await reader.read(MAGIC.length + 5);
  if (fixed.length < MAGIC.length + 5 || !fixed.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new BackupError('This is not a Slotguard backup (it does not start with SGBACKUP)');
  }
  const version = fixed.readUInt8(MAGIC.length);
  if (version !== FORMAT_VERSION) throw new BackupError(`This backup has format version ${version}; this slotguard reads version ${FORMAT_VERSION}`);
  const length = fixed.readUInt32BE(MAGIC.length + 1);
  if (length > MAX_HEADER_BYTES) throw new BackupError('The backup header is too long: the file is damaged');
  const json = await reader.read(length);
  if (json.length < length) throw new BackupError('The backup is truncated: it ends inside its header');
  const header = parseHeader(json);
  if (Buffer.from(header.salt, 'base64').length !== 16) throw new BackupError('The backup header is incomplete: the file is damaged');
  return { header, headerBytes: Buffer.concat([fixed, json]) };
}

async function readRecord(
  reader: ByteReader,
  header: BackupHeader,
  headerBytes: Buffer,
  aesKey: Buffer,
  index: number,
): Promise<{ kind: number; plaintext: Buffer }> {
  const prefix = await reader.read(5);
  if (prefix.length < 5) throw new BackupError('The backup is truncated: it ends before its final record');
  const kind = prefix.readUInt8(0);
  const length = prefix.readUInt32BE(1);
  const limit = (kind === RECORD_DATA ? header.chunkBytes : MAX_TRAILER_BYTES) + TAG_BYTES;
  if ((kind !== RECORD_DATA && kind !== RECORD_FINAL) || length < TAG_BYTES || length > limit) {
    throw new BackupError(`The backup is damaged at record ${index + 1}: it was changed or cut`);
  }
  const body = await reader.read(length);
  if (body.length < length) throw new BackupError('The backup is truncated: it ends before its final record');
  const decipher = createDecipheriv('aes-256-gcm', aesKey, nonceFor(index, kind));
  decipher.setAAD(headerBytes);
  decipher.setAuthTag(body.subarray(length - TAG_BYTES));
  const opened = decipher.update(body.subarray(0, length - TAG_BYTES));
  try {
    return { kind, plaintext: Buffer.concat([opened, decipher.final()]) };
  } catch {
    throw new BackupError(`The backup failed authentication at record ${index + 1}: it was changed or damaged after it was made`);
  }
}

function parseTrailer(plaintext: Buffer): BackupTrailer {
  const t = JSON.parse(plaintext.toString('utf8')) as Partial<BackupTrailer>;
  if (typeof t.sha256 !== 'string' || !Number.isInteger(t.bytes) || !Number.isInteger(t.chunks)) {
    throw new BackupError("The backup's final record is incomplete");
  }
  return t as BackupTrailer;
}
