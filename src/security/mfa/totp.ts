import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as authenticator apps expect it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_S = 30;
const DIGITS = 6;

export type TotpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

/** A new 160-bit secret from the CSPRNG, base32 as apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, digits = DIGITS, algorithm: TotpAlgorithm = 'SHA1'): TOTP {
  return new TOTP({ secret: Secret.fromBase32(secretBase32), digits, algorithm, period: TOTP_PERIOD_S });
}

/** The otpauth:// URI behind the QR code an app scans. */
export function totpUri(secretBase32: string, account: string, issuer: string): string {
  return new TOTP({ secret: Secret.fromBase32(secretBase32), digits: DIGITS, algorithm: 'SHA1', period: TOTP_PERIOD_S, issuer, label: account }).toString();
}

export function totpCode(secretBase32: string, at: number, digits = DIGITS, algorithm: TotpAlgorithm = 'SHA1'): string {
  return totp(secretBase32, digits, algorithm).generate({ timestamp: at });
}

export const totpStep = (at: number): number => Math.floor(at / 1000 / TOTP_PERIOD_S);

/**
 * The time step a code belongs to, accepting the previous and next step for clock drift
 * (±1); null when it matches none. The caller must refuse a step already used (single use).
 */
export function matchTotp(secretBase32: string, code: string, at: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secretBase32).validate({ token: code, timestamp: at, window: 1 });
  return delta === null ? null : totpStep(at) + delta;
}
