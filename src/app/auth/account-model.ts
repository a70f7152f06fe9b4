import type { Locale } from '../../domain/model.js';
import type { Role } from '../access/roles.js';

/** A person who can sign in. Email, name and phone are sealed on disk with the user's own key. */
export interface User {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  locale: Locale;
  /** Argon2id PHC string; null for an account that signs in with a passkey only. */
  passwordHash: string | null;
  passwordChangedAt: number | null;
  /** Evidence of compromise: the next sign-in must set a new password. */
  passwordCompromised: boolean;
  disabledAt: number | null;
  createdAt: number;
}

/** A user's role in one organization; an auditor's may expire. */
export interface Membership {
  userId: string;
  orgId: string;
  role: Role;
  expiresAt: number | null;
  createdAt: number;
}

export const membershipActive = (m: Membership, now: number): boolean => m.expiresAt === null || m.expiresAt > now;

export type FactorKind = 'totp' | 'webauthn' | 'email' | 'sms';

/** A second factor. A TOTP secret is sealed on disk; a passkey is only a public key. */
export interface MfaFactor {
  id: string;
  userId: string;
  kind: FactorKind;
  label: string;
  /** TOTP secret (base32), opened. */
  secret: string | null;
  credentialId: string | null;
  publicKey: string | null;
  signCount: number;
  transports: string[];
  confirmedAt: number | null;
  createdAt: number;
  lastUsedAt: number | null;
}
