import { randomBytesPooled } from './random-pool.js';

let lastMs = 0;
let seq = 0;

/**
 * UUIDv7: time-ordered (good for indexes) yet not guessable; 62 random bits plus a
 * per-millisecond counter keep ids unique and sorted within one process.
 */
export function newId(now: number = Date.now()): string {
  if (now === lastMs) {
    seq = (seq + 1) & 0xfff;
  } else {
    lastMs = now;
    seq = 0;
  }
  const b = randomBytesPooled(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = 0x70 | (seq >> 8);
  b[7] = seq & 0xff;
  b[8] = 0x80 | ((b[8] as number) & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
