import { randomUUID } from 'node:crypto';
import { API_KEYS_ROWS } from './matrix-api-keys.js';
import { DESK_ROWS } from './matrix-desk.js';
import { MESSAGES_ROWS } from './matrix-messages.js';
import { type Caller, all, signedIn } from './matrix-helpers.js';
import { SETUP_ROWS } from './matrix-setup.js';

export { CALLERS, type Caller } from './matrix-helpers.js';

/** Ids a row may put in its request. */
export interface MatrixIds {
  staffUserId: string;
  ownerSessionId: string;
  randomId: string;
}

export interface MatrixRow {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The route as the OpenAPI document names it. */
  route: string;
  url?: (ids: MatrixIds) => string;
  payload?: (ids: MatrixIds) => Record<string, unknown>;
  /** The answer each caller must get. */
  expect: Record<Caller, number>;
  /** The request ends or rotates the caller's session: give it a fresh one. */
  consumesSession?: boolean;
}

/** Routes anyone may call without a session, and why. Everything else needs a row below. */
export const PUBLIC_ROUTES: Record<string, string> = {
  'GET /healthz': 'liveness probe',
  'GET /readyz': 'readiness probe',
  'GET /api/v1/orgs/{org}/services': 'public booking page',
  'GET /api/v1/orgs/{org}/services/{serviceId}/slots': 'public booking page',
  'GET /api/v1/orgs/{org}/services/{serviceId}/availability/events': "public booking page (live availability: ids and an opaque version, no one's data)",
  'POST /api/v1/orgs/{org}/bookings': 'public booking page',
  'POST /api/v1/orgs/{org}/holds': 'public booking page',
  'POST /api/v1/orgs/{org}/holds/release': 'public booking page (the hold token is the credential)',
  'GET /api/v1/bookings/manage/{token}': "the customer's manage link (the token is the credential)",
  'POST /api/v1/bookings/manage/{token}': "the customer's manage link (the token is the credential)",
  'GET /api/v1/calendar/{feed}': 'calendar feed (the secret feed id is the credential)',
  'POST /api/v1/messages/report': 'anyone may report a suspicious message by its reference',
};

const FOREIGN_CODE = { method: 'totp', code: '123456' };

/** Every route that reads or needs a session, with the intended answer for every caller. */
export const MATRIX: MatrixRow[] = [
  { method: 'POST', route: '/api/v1/auth/login', payload: () => ({ email: `nobody-${randomUUID()}@example.org`, password: 'not a password at all' }), expect: all(401) },
  { method: 'POST', route: '/api/v1/auth/logout', expect: signedIn(204), consumesSession: true },
  { method: 'GET', route: '/api/v1/auth/me', expect: signedIn(200) },
  { method: 'GET', route: '/api/v1/auth/sessions', expect: signedIn(200) },
  { method: 'DELETE', route: '/api/v1/auth/sessions/{sessionId}', url: (i) => `/api/v1/auth/sessions/${i.ownerSessionId}`, expect: signedIn(404, { owner: 204 }) },
  { method: 'POST', route: '/api/v1/auth/sessions/revoke-all', payload: () => ({ keepCurrent: true }), expect: signedIn(200) },
  { method: 'POST', route: '/api/v1/auth/mfa/verify', payload: () => FOREIGN_CODE, expect: all(401) },
  { method: 'POST', route: '/api/v1/auth/mfa/send', payload: () => ({ method: 'email' }), expect: all(401) },
  { method: 'POST', route: '/api/v1/auth/mfa/webauthn/options', expect: all(401) },
  { method: 'POST', route: '/api/v1/auth/passkey/options', expect: all(200) },
  { method: 'POST', route: '/api/v1/auth/passkey/login', payload: () => ({ assertion: { id: 'x', rawId: 'x', type: 'public-key', response: {}, clientExtensionResults: {} } }), expect: all(401) },
  { method: 'POST', route: '/api/v1/auth/reauth', payload: () => ({ method: 'password', password: 'orbiting velvet marmots hum' }), expect: signedIn(200), consumesSession: true },
  { method: 'GET', route: '/api/v1/auth/mfa/factors', expect: signedIn(200) },
  { method: 'POST', route: '/api/v1/auth/mfa/totp', expect: signedIn(200) },
  { method: 'POST', route: '/api/v1/auth/mfa/totp/confirm', payload: (i) => ({ factorId: i.randomId, code: '123456' }), expect: signedIn(404) },
  { method: 'POST', route: '/api/v1/auth/mfa/passkeys/options', expect: signedIn(200) },
  { method: 'POST', route: '/api/v1/auth/mfa/passkeys', payload: () => ({ response: { id: 'x', rawId: 'x', type: 'public-key', response: {}, clientExtensionResults: {} } }), expect: signedIn(401) },
  { method: 'POST', route: '/api/v1/auth/mfa/{channel}', url: () => '/api/v1/auth/mfa/email', expect: signedIn(202) },
  { method: 'POST', route: '/api/v1/auth/mfa/{channel}/confirm', url: () => '/api/v1/auth/mfa/email/confirm', payload: () => ({ code: '000000' }), expect: signedIn(401) },
  { method: 'POST', route: '/api/v1/auth/mfa/recovery-codes', expect: signedIn(200) },
  { method: 'DELETE', route: '/api/v1/auth/mfa/factors/{factorId}', url: (i) => `/api/v1/auth/mfa/factors/${i.randomId}`, expect: signedIn(404) },
  {
    method: 'POST',
    route: '/api/v1/auth/password/change',
    payload: () => ({ currentPassword: 'not my password at all', newPassword: 'quietly humming velvet fjords' }),
    expect: signedIn(401),
  },
  { method: 'POST', route: '/api/v1/auth/not-me', payload: () => ({ token: 'A'.repeat(43) }), expect: all(400) },
  { method: 'POST', route: '/api/v1/auth/password/forgot', payload: () => ({ email: 'nobody@example.org' }), expect: all(202) },
  { method: 'POST', route: '/api/v1/auth/password/reset', payload: () => ({ token: 'A'.repeat(43), password: 'orbiting velvet marmots hum' }), expect: all(400) },
  {
    method: 'POST',
    route: '/api/v1/auth/setup',
    payload: () => ({ token: 'A'.repeat(43), email: 'x@example.org', name: 'X', password: 'orbiting velvet marmots hum', orgSlug: 'shop' }),
    expect: all(400),
  },
  { method: 'GET', route: '/api/v1/org/members', expect: signedIn(200, { staff: 403, customer: 403 }) },
  {
    method: 'PUT',
    route: '/api/v1/org/members/{userId}/role',
    url: (i) => `/api/v1/org/members/${i.staffUserId}/role`,
    payload: () => ({ role: 'staff' }),
    expect: signedIn(403, { owner: 200, admin: 200, other_org: 404 }),
  },
  { method: 'GET', route: '/api/v1/org/security-policy', expect: signedIn(200, { customer: 403 }) },
  {
    method: 'PUT',
    route: '/api/v1/org/security-policy',
    payload: () => ({ mfaRequiredRoles: [], passwordComposition: false, passwordChangeReminderDays: null }),
    expect: signedIn(403, { owner: 200, admin: 200, other_org: 200 }),
  },
  { method: 'POST', route: '/api/v1/org/invitations', payload: () => ({ role: 'staff' }), expect: signedIn(403, { owner: 201, admin: 201, other_org: 201 }) },
  { method: 'POST', route: '/api/v1/auth/invitations/accept', payload: () => ({ token: 'A'.repeat(43) }), expect: all(400) },
  { method: 'GET', route: '/api/v1/org/audit', expect: signedIn(403, { owner: 200, admin: 200, auditor: 200, other_org: 200 }) },
  ...API_KEYS_ROWS,
  ...MESSAGES_ROWS,
  ...DESK_ROWS,
  ...SETUP_ROWS,
];
