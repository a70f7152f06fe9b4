import { BackupError } from './backup-error.js';

/**
 * A sealed backup, byte by byte:
 *
 *   "SGBACKUP" | version (u8) | header length (u32 BE) | header (JSON)
 *   then records: kind (u8: 0 data, 1 final) | length (u32 BE) | AES-256-GCM ciphertext and tag
 *
 * Data records carry up to `chunkBytes` of plaintext; the one final record carries the
 * trailer (plaintext SHA-256, size, record count), which is only known at the end of a stream.
 * Every record is authenticated with the whole header as associated data and a nonce made of
 * its index and kind, so a changed header, a changed, reordered, dropped or duplicated record,
 * and a cut-off file all fail to open.
 */
export const MAGIC = Buffer.from('SGBACKUP', 'latin1');
export const FORMAT_VERSION = 1;
export const CHUNK_BYTES = 64 * 1024;
export const TAG_BYTES = 16;
export const MAX_HEADER_BYTES = 4096;
export const MAX_TRAILER_BYTES = 1024;
export const RECORD_DATA = 0;
export const RECORD_FINAL = 1;

/** What the plaintext is: a SQLite database file, or any stream (e.g. pg_dump output). */
export type BackupContent = 'sqlite' | 'stream';

export interface BackupHeader {
  keyId: string;
  createdAt: string;
  content: BackupContent;
  cipher: 'AES-256-GCM';
  chunkBytes: number;
  /** Base64 random salt from which this file's own key is derived. */
  salt: string;
}

export interface BackupTrailer {
  sha256: string;
  bytes: number;
  chunks: number;
}

/** What a backup holds, as `verify` prints it. */
export interface BackupSummary extends BackupTrailer {
  formatVersion: number;
  keyId: string;
  createdAt: string;
  content: BackupContent;
}

export function encodeHeader(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const fixed = Buffer.alloc(MAGIC.length + 5);
  MAGIC.copy(fixed);
  fixed.writeUInt8(FORMAT_VERSION, MAGIC.length);
  fixed.writeUInt32BE(json.length, MAGIC.length + 1);
  return Buffer.concat([fixed, json]);
}

/** The header's JSON, checked field by field (it is authenticated only when the first record opens). */
export function parseHeader(json: Buffer): BackupHeader {
  let value: unknown;
  try {
    value = JSON.parse(json.toString('utf8'));
  } catch {
    throw new BackupError('The backup header is not valid JSON: the file is damaged');
  }
  const h = value as Partial<BackupHeader>;
  const ok =
    typeof h.keyId === 'string' &&
    typeof h.createdAt === 'string' &&
    (h.content === 'sqlite' || h.content === 'stream') &&
    h.cipher === 'AES-256-GCM' &&
    Number.isInteger(h.chunkBytes) &&
    (h.chunkBytes ?? 0) > 0 &&
    (h.chunkBytes ?? 0) <= 16 * 1024 * 1024 &&
    typeof h.salt === 'string';
  if (!ok) throw new BackupError('The backup header is incomplete: the file is damaged');
  return h as BackupHeader;
}

/** 12 bytes: zeros, the record index (48 bits), the record kind. */
export function nonceFor(index: number, kind: number): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(index, 5, 6);
  nonce.writeUInt8(kind, 11);
  return nonce;
}

export function recordPrefix(kind: number, length: number): Buffer {
  const prefix = Buffer.alloc(5);
  prefix.writeUInt8(kind, 0);
  prefix.writeUInt32BE(length, 1);
  return prefix;
}
