import { hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newId } from './ids.js';
import { hashToken, newSecretToken, openWithSecret, responseKeyFrom, sealWithSecret } from './tokens.js';

describe('secrets and ids', () => {
  it('makes tokens with at least 128 bits that are stored only as a hash', () => {
    const t = newSecretToken();
    expect(Buffer.from(t, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(hashToken(t)).not.toContain(t);
    expect(hashToken(t)).toBe(hashToken(t));
    expect(newSecretToken()).not.toBe(t);
  });

  it('seals a stored answer so only the holder of the key can read it', () => {
    const sealed = sealWithSecret('key-1', '{"manage":"secret"}');
    expect(sealed).not.toContain('secret');
    expect(openWithSecret('key-1', sealed)).toBe('{"manage":"secret"}');
    expect(() => openWithSecret('key-2', sealed)).toThrow();
  });

  it('derives the answer key with HKDF-SHA256 exactly as before (answers stored earlier still open)', () => {
    for (const secret of ['key-1', '0193c2a4-1111-7000-8000-000000000000', 'ключ 预约 🔑', 'x'.repeat(255)]) {
      expect(responseKeyFrom(secret).equals(Buffer.from(hkdfSync('sha256', secret, 'slotguard', 'idempotency-response', 32)))).toBe(true);
    }
  });

  it('makes time-ordered UUIDv7 ids that are unique', () => {
    const ids = Array.from({ length: 1000 }, () => newId(1_800_000_000_000));
    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
