import type { ApiKeyScope } from '../access/api-key-scopes.js';
import type { Role } from '../access/roles.js';
import type { Actor } from '../ports.js';

/**
 * How far a session may go: `full`, or only finishing what sign-in still needs (enrolling a
 * second factor the org requires, replacing a compromised password).
 */
export type SessionStage = 'full' | 'mfa_enrolment' | 'password_change';

/** A server-side session. Its cookie value exists only in the browser; we keep its hash. */
export interface Session {
  /** Public id, shown in "my devices" and used to revoke; not the secret. */
  id: string;
  userId: string;
  orgId: string | null;
  role: Role | null;
  stage: SessionStage;
  createdAt: number;
  lastSeenAt: number;
  idleTimeoutMs: number;
  /** Absolute end, whatever the activity. */
  expiresAt: number;
  /** Last time the user proved who they are (password, second factor, passkey): for step-up. */
  authAt: number;
  /** Factors used at `authAt`, e.g. ["password", "totp"]. */
  authMethods: string[];
  ip: string | null;
  userAgent: string | null;
  revokedAt: number | null;
}

/** An integration calling with an API key instead of a person with a session. */
export interface ApiKeyPrincipal {
  id: string;
  /** Everything the key may do: requireAccess allows these and nothing else. */
  scopes: readonly ApiKeyScope[];
}

/**
 * Who is calling, from their session or API key: the one source of tenant and role for every
 * use case. For a key, `userId` and `sessionId` are the key's id (no person acts), `role` is
 * 'receptionist' (org-wide, never health notes) and `apiKey` limits it to its scopes.
 */
export interface AuthContext {
  userId: string;
  sessionId: string;
  orgId: string | null;
  role: Role | null;
  stage: SessionStage;
  authAt: number;
  authMethods: string[];
  ip: string | null;
  userAgent: string | null;
  apiKey?: ApiKeyPrincipal;
}

/** What the browser tells us about itself; recorded with sessions and audit entries. */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** The audit log's view of a signed-in caller. */
export function actorOf(auth: AuthContext): Actor {
  if (auth.apiKey) return { type: 'api_key', id: auth.apiKey.id, ip: auth.ip, userAgent: auth.userAgent };
  return { type: 'user', id: auth.userId, ip: auth.ip, userAgent: auth.userAgent };
}

/** The audit log's view of a browser: a known user, or nobody yet ('public'). */
export function clientActor(client: ClientInfo, userId: string | null): Actor {
  return { type: userId === null ? 'public' : 'user', id: userId, ip: client.ip, userAgent: client.userAgent };
}
