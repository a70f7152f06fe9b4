import { describe, expect, it } from 'vitest';
import { blindIndex } from './blind-index.js';
import { FieldDecryptionError, keyIdOf, openField, sealField } from './field-cipher.js';
import { containsCardNumber } from './luhn.js';
import { LocalMasterKeyProvider, MasterKeyError, randomMasterKey } from './master-key.js';

describe('field encryption', () => {
  const key = Buffer.alloc(32, 7);

  it('round-trips a value and names its key, with a fresh nonce each time', () => {
    const a = sealField(key, 'dk1', 'customers.name.c1', 'Mia Muster');
    const b = sealField(key, 'dk1', 'customers.name.c1', 'Mia Muster');
    expect(a).not.toBe(b);
    expect(a).not.toContain('Mia');
    expect(keyIdOf(a)).toBe('dk1');
    expect(openField(key, 'customers.name.c1', a)).toBe('Mia Muster');
  });

  it('refuses a ciphertext moved to another row or column', () => {
    const sealed = sealField(key, 'dk1', 'customers.name.c1', 'Mia');
    expect(() => openField(key, 'customers.name.c2', sealed)).toThrow(FieldDecryptionError);
    expect(() => openField(key, 'customers.email.c1', sealed)).toThrow(FieldDecryptionError);
    expect(() => openField(Buffer.alloc(32, 8), 'customers.name.c1', sealed)).toThrow(FieldDecryptionError);
  });

  it('makes blind indexes that depend on the key', () => {
    expect(blindIndex(key, 'a@example.com')).toBe(blindIndex(key, 'a@example.com'));
    expect(blindIndex(key, 'a@example.com')).not.toBe(blindIndex(Buffer.alloc(32, 1), 'a@example.com'));
  });
});

describe('master keys', () => {
  it('wraps data keys with the current version and unwraps with any known one', async () => {
    const old = randomMasterKey('k1');
    const v1 = new LocalMasterKeyProvider([old]);
    const dataKey = Buffer.alloc(32, 3);
    const w1 = await v1.wrap(dataKey);
    expect(w1.version).toBe('k1');
    const v2 = new LocalMasterKeyProvider([randomMasterKey('k2'), old]);
    expect((await v2.wrap(dataKey)).version).toBe('k2');
    expect(await v2.unwrap('k1', w1.wrapped)).toEqual(dataKey);
    await expect(new LocalMasterKeyProvider([randomMasterKey('k3')]).unwrap('k1', w1.wrapped)).rejects.toThrow(MasterKeyError);
  });

  it('refuses a key of the wrong size', () => {
    expect(() => new LocalMasterKeyProvider([{ version: 'k1', key: Buffer.alloc(16), createdAt: null }])).toThrow(/256 bits/);
  });
});

describe('card numbers in free text', () => {
  it('finds Luhn-valid card numbers, with or without separators', () => {
    expect(containsCardNumber('my card 4111 1111 1111 1111 thanks')).toBe(true);
    expect(containsCardNumber('5500-0000-0000-0004')).toBe(true);
    expect(containsCardNumber('378282246310005')).toBe(true);
  });

  it('leaves phone numbers and ordinary digits alone', () => {
    expect(containsCardNumber('call +49 30 1234567')).toBe(false);
    expect(containsCardNumber('4111 1111 1111 1112')).toBe(false);
    expect(containsCardNumber('order 12345')).toBe(false);
  });
});
