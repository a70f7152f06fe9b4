import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 16 * 1024;

let pool = Buffer.alloc(0);
let offset = 0;

/**
 * Bytes from the operating system's CSPRNG, fetched a few KiB at a time: one `randomFillSync`
 * call costs about as much as thousands of bytes, and a booking needs a dozen small draws
 * (ids, nonces, tokens). Every byte is handed out once; a refill takes a new buffer, so a
 * view given out earlier never changes.
 */
export function randomBytesPooled(size: number): Buffer {
  if (size > POOL_BYTES / 4) return randomFillSync(Buffer.allocUnsafeSlow(size));
  if (offset + size > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafeSlow(POOL_BYTES));
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + size);
  offset += size;
  return bytes;
}
