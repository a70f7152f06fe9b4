import { describe, expect, it } from 'vitest';
import { ARGON2_PARAMS, hashPassword, needsRehash, verifyPassword } from './password-hasher.js';

describe('password hashing', () => {
  it('uses Argon2id with m=19456 KiB, t=2, p=1, stored in the hash', async () => {
    const phc = await hashPassword('velvet marmot orbits');
    expect(phc).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(phc, 'velvet marmot orbits')).toEqual({ ok: true, needsRehash: false });
    expect(await verifyPassword(phc, 'velvet marmot orbitz')).toEqual({ ok: false, needsRehash: false });
  });

  it('asks for a rehash when a stored hash used other parameters', async () => {
    const old = await hashPassword('velvet marmot orbits', { ...ARGON2_PARAMS, memoryCost: 8192, timeCost: 3 });
    expect(needsRehash(old)).toBe(true);
    expect(await verifyPassword(old, 'velvet marmot orbits')).toEqual({ ok: true, needsRehash: true });
  });

  it('never truncates or case-folds, and compares Unicode-normalized text', async () => {
    const long = `${'a velvet marmot orbits '.repeat(5)}END`;
    const phc = await hashPassword(long);
    expect((await verifyPassword(phc, `${long.slice(0, -3)}end`)).ok).toBe(false);
    const composed = await hashPassword('café velvet marmot');
    expect((await verifyPassword(composed, 'cafe\u0301 velvet marmot')).ok).toBe(true);
  });

  it('answers "no" for a missing hash after the same work as a real check', async () => {
    expect(await verifyPassword(null, 'anything at all here')).toEqual({ ok: false, needsRehash: false });
  });
});
