import type { Permission } from './permissions.js';

/**
 * What an integration's API key may be given: its permissions are exactly its scopes. Left
 * out on purpose: anything that needs a step-up (role grants, security policy, exports, key
 * management: a key can never re-authenticate), the audit trail and the list of keys (a
 * stolen key must not read who is watching), health notes (break-glass is for people, with a
 * reason), organization settings and the list of members (staff emails and names).
 */
export const API_KEY_SCOPES = ['org:read', 'bookings:read', 'bookings:write', 'customers:read'] as const satisfies readonly Permission[];

export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export function isApiKeyScope(value: unknown): value is ApiKeyScope {
  return typeof value === 'string' && (API_KEY_SCOPES as readonly string[]).includes(value);
}
