import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DataKeyCache } from './data-key-cache.js';

const key = () => randomBytes(32);

describe('DataKeyCache', () => {
  it('keeps at most its bound, and keeps the keys in use', () => {
    const cache = new DataKeyCache(100);
    const hot = key();
    cache.set('hot', hot);
    for (let i = 0; i < 1_000; i++) {
      cache.set(`k${i}`, key());
      expect(cache.get('hot')).toBe(hot);
      expect(cache.size).toBeLessThanOrEqual(100);
    }
    expect(cache.get('k999')).toBeDefined();
    expect(cache.get('k0')).toBeUndefined();
  });

  it('forgets a key after its age limit, even one in use', () => {
    let now = 0;
    const cache = new DataKeyCache(100, 1_000, () => now);
    cache.set('a', key());
    now = 900;
    expect(cache.get('a')).toBeDefined();
    now = 1_001;
    expect(cache.get('a')).toBeUndefined();
    // Moved to the old generation and aged there: still forgotten.
    cache.set('b', key());
    for (let i = 0; i < 50; i++) cache.set(`k${i}`, key());
    now = 5_000;
    expect(cache.get('b')).toBeUndefined();
  });

  it('deletes from both generations', () => {
    const cache = new DataKeyCache(10_000);
    cache.set('gone', key());
    cache.set('young', key());
    for (let i = 0; i < 4_999; i++) cache.set(`k${i}`, key());
    // 'gone' and 'young' are in the old generation now; bring 'young' back.
    expect(cache.get('young')).toBeDefined();
    cache.delete('gone');
    cache.delete('young');
    expect(cache.get('gone')).toBeUndefined();
    expect(cache.get('young')).toBeUndefined();
  });
});
