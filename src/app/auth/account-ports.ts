import type { FactorKind, Membership, MfaFactor, User } from './account-model.js';
import type { OrgSecurityPolicy } from './security-policy.js';
import type { ApiKeyScope } from '../access/api-key-scopes.js';
import type { Actor, AuditReader } from '../ports.js';
import type { ThrottleState } from '../../security/auth/throttle-policy.js';
import type { Session, SessionStage } from './session-model.js';

export interface UserRepository {
  /** By the blind index of the normalized email; the email itself is never stored readable. */
  findByEmail(email: string): Promise<User | null>;
  findById(id: string): Promise<User | null>;
  /**
   * What a password check needs, without opening any sealed field: a known email then
   * costs no more time than an unknown one.
   */
  findCredentials(email: string): Promise<Pick<User, 'id' | 'passwordHash' | 'disabledAt'> | null>;
  /** Fails with 409 conflict when the email is taken. */
  insert(user: User): Promise<void>;
  /** A null hash refuses every password until a reset (e.g. after "this wasn't me"). */
  setPassword(id: string, passwordHash: string | null, changedAt: number | null, compromised: boolean): Promise<void>;
  /** A disabled user cannot sign in (null enables them again). */
  setDisabled(id: string, disabledAt: number | null): Promise<void>;
  count(): Promise<number>;
  /** The phrase every security message to this user shows; null when none is set. */
  antiPhishingPhrase(id: string): Promise<string | null>;
  setAntiPhishingPhrase(id: string, phrase: string | null): Promise<void>;
  /**
   * A stable, keyed stand-in for an email (its blind index), for throttles that must treat
   * known and unknown accounts alike.
   */
  emailKey(email: string): Promise<string>;
}

export interface MembershipRepository {
  forUser(userId: string): Promise<Membership[]>;
  find(userId: string, orgId: string): Promise<Membership | null>;
  /** Adds the membership or changes its role and expiry. */
  upsert(membership: Membership): Promise<void>;
  listOrg(orgId: string): Promise<Membership[]>;
}

export interface SecurityPolicyRepository {
  forOrg(orgId: string): Promise<OrgSecurityPolicy>;
  save(orgId: string, policy: OrgSecurityPolicy): Promise<void>;
}

export interface SessionRepository {
  insert(session: Session, tokenHash: string): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<Session | null>;
  findById(userId: string, id: string): Promise<Session | null>;
  /** Live sessions of a user (not revoked, not past their absolute end). */
  listForUser(userId: string, now: number): Promise<Session[]>;
  touch(id: string, at: number): Promise<void>;
  /** A new secret for the same session (at sign-in steps and step-up), optionally a fresh authentication. */
  rotate(id: string, tokenHash: string, change: { stage?: SessionStage; authAt?: number; authMethods?: string[] }): Promise<void>;
  /** Changes the active organization and role. */
  setOrg(id: string, orgId: string | null, role: Session['role'], idleTimeoutMs: number, expiresAt: number): Promise<void>;
  revoke(id: string, reason: string, at: number): Promise<boolean>;
  /** Revokes every live session of the user but `exceptId`; returns how many. */
  revokeAllForUser(userId: string, reason: string, at: number, exceptId?: string | null): Promise<string[]>;
  /** How many sessions the user ever had, and whether one came from this browser (user agent). */
  history(userId: string, userAgent: string | null): Promise<{ sessions: number; sameBrowser: boolean }>;
}

export interface ThrottleRepository {
  /** A keyed hash of a throttle key (e.g. "ip:203.0.113.9"): no address or email on disk. */
  keyFor(key: string): Promise<string>;
  find(keyHash: string): Promise<ThrottleState | null>;
  save(keyHash: string, state: ThrottleState): Promise<void>;
  clear(keyHash: string): Promise<void>;
}

/** A sign-in between its password and its second factor, or a passkey ceremony in flight. */
export interface LoginChallenge {
  purpose: 'mfa' | 'passkey_login' | 'passkey_register';
  userId: string | null;
  methods: string[];
  webauthnChallenge: string | null;
  failures: number;
  createdAt: number;
  expiresAt: number;
}

export interface LoginChallengeRepository {
  insert(tokenHash: string, challenge: LoginChallenge): Promise<void>;
  find(tokenHash: string): Promise<LoginChallenge | null>;
  /** Counts a failed answer; returns the new count. */
  recordFailure(tokenHash: string): Promise<number>;
  setWebauthnChallenge(tokenHash: string, challenge: string): Promise<void>;
  delete(tokenHash: string): Promise<void>;
}

export interface MfaFactorRepository {
  listForUser(userId: string): Promise<MfaFactor[]>;
  findById(userId: string, id: string): Promise<MfaFactor | null>;
  findByCredentialId(credentialId: string): Promise<MfaFactor | null>;
  insert(factor: MfaFactor): Promise<void>;
  confirm(id: string, at: number): Promise<void>;
  /** Records a TOTP step as used; false when this or a later step was used already (replay). */
  useTotpStep(id: string, step: number, at: number): Promise<boolean>;
  /** Records a passkey use with its new signature counter. */
  usePasskey(id: string, signCount: number, at: number): Promise<void>;
  delete(userId: string, id: string): Promise<boolean>;
  /** Removes a user's unconfirmed factors of one kind (an abandoned enrolment). */
  deleteUnconfirmed(userId: string, kind: FactorKind): Promise<void>;
}

export interface RecoveryCodeRepository {
  replaceAll(userId: string, codeHashes: string[], at: number): Promise<void>;
  /** Marks a code used; false when it is unknown or already used. */
  use(userId: string, codeHash: string, at: number): Promise<boolean>;
  countUnused(userId: string): Promise<number>;
}

export interface OneTimeCode {
  id: string;
  userId: string;
  /** Hash of the sign-in challenge or session it was sent for. */
  boundTo: string;
  channel: 'email' | 'sms';
  codeHash: string;
  failures: number;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export interface OneTimeCodeRepository {
  insert(code: OneTimeCode): Promise<void>;
  latest(boundTo: string, channel: 'email' | 'sms'): Promise<OneTimeCode | null>;
  countFor(boundTo: string): Promise<number>;
  recordFailure(id: string): Promise<void>;
  /** False when already used (a code works once). */
  markUsed(id: string, at: number): Promise<boolean>;
}

export type AccountTokenPurpose = 'password_reset' | 'setup' | 'invitation' | 'not_me';

/** A single-use secret sent as a link; only its hash is kept. */
export interface AccountToken {
  purpose: AccountTokenPurpose;
  userId: string | null;
  orgId: string | null;
  role: string | null;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export interface AccountTokenRepository {
  insert(tokenHash: string, token: AccountToken): Promise<void>;
  find(tokenHash: string): Promise<AccountToken | null>;
  /** False when already used: a link works once, even when two requests race. */
  markUsed(tokenHash: string, at: number): Promise<boolean>;
  /** Ends every unused token of a purpose (for one user, or all of them). */
  expireAll(purpose: AccountTokenPurpose, userId: string | null, at: number): Promise<void>;
}

/** An integration's key to one organization's API; its secret exists only with its holder. */
export interface ApiKey {
  id: string;
  orgId: string;
  name: string;
  scopes: ApiKeyScope[];
  /** Who made it, as the audit log names them. */
  createdBy: { type: Actor['type']; id: string | null };
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface ApiKeyRepository {
  insert(key: ApiKey, secretHash: string): Promise<void>;
  /** The key (of any organization: the caller is not known yet) with the hash to check a presented key against. */
  findForCheck(id: string): Promise<{ key: ApiKey; secretHash: string } | null>;
  /** Newest first. */
  listOrg(orgId: string): Promise<ApiKey[]>;
  /** False when the key is not this organization's or was revoked already. */
  revoke(orgId: string, id: string, at: number): Promise<boolean>;
  /** Records a use unless one was recorded after `since`; true when it wrote (at most once a minute per key). */
  touch(id: string, at: number, since: number): Promise<boolean>;
}

/** The accounts' repositories, reached as `repos.accounts` inside a unit of work. */
export interface AccountRepositories {
  users: UserRepository;
  memberships: MembershipRepository;
  securityPolicies: SecurityPolicyRepository;
  sessions: SessionRepository;
  throttles: ThrottleRepository;
  challenges: LoginChallengeRepository;
  factors: MfaFactorRepository;
  recoveryCodes: RecoveryCodeRepository;
  oneTimeCodes: OneTimeCodeRepository;
  tokens: AccountTokenRepository;
  apiKeys: ApiKeyRepository;
  /** The audit trail, read by auditors, owners and admins. */
  auditTrail: AuditReader;
}
