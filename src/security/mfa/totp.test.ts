import { Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { type TotpAlgorithm, matchTotp, newTotpSecret, totpCode, totpStep } from './totp.js';

// RFC 6238 Appendix B: the ASCII seeds "1234567890" repeated to 20, 32 and 64 bytes.
const SEEDS: Record<TotpAlgorithm, string> = {
  SHA1: Secret.fromLatin1('12345678901234567890').base32,
  SHA256: Secret.fromLatin1('12345678901234567890123456789012').base32,
  SHA512: Secret.fromLatin1('1234567890123456789012345678901234567890123456789012345678901234').base32,
};

const VECTORS: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(VECTORS)('matches the RFC test vectors at T=%i', (t, sha1, sha256, sha512) => {
    expect(totpCode(SEEDS.SHA1, t * 1000, 8, 'SHA1')).toBe(sha1);
    expect(totpCode(SEEDS.SHA256, t * 1000, 8, 'SHA256')).toBe(sha256);
    expect(totpCode(SEEDS.SHA512, t * 1000, 8, 'SHA512')).toBe(sha512);
  });

  it('accepts the code of the previous and next 30-second step, not two away', () => {
    const secret = newTotpSecret();
    const now = Date.parse('2027-03-01T10:00:15Z');
    expect(matchTotp(secret, totpCode(secret, now), now)).toBe(totpStep(now));
    expect(matchTotp(secret, totpCode(secret, now - 30_000), now)).toBe(totpStep(now) - 1);
    expect(matchTotp(secret, totpCode(secret, now + 30_000), now)).toBe(totpStep(now) + 1);
    expect(matchTotp(secret, totpCode(secret, now - 60_000), now)).toBeNull();
    expect(matchTotp(secret, 'abcdef', now)).toBeNull();
  });

  it('makes 160-bit secrets', () => {
    expect(Secret.fromBase32(newTotpSecret()).bytes).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(newTotpSecret());
  });
});
