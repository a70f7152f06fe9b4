import type { MatrixRow } from './access-matrix.js';
import { ownersAndAdmins } from './matrix-helpers.js';

/** API keys and a member's compromised password: owners and admins only, with a fresh sign-in. */
export const API_KEYS_ROWS: MatrixRow[] = [
  { method: 'GET', route: '/api/v1/org/api-keys', expect: ownersAndAdmins(200, { auditor: 200 }) },
  { method: 'POST', route: '/api/v1/org/api-keys', payload: () => ({ name: 'Matrix', scopes: ['bookings:read'] }), expect: ownersAndAdmins(201) },
  { method: 'DELETE', route: '/api/v1/org/api-keys/{keyId}', url: (i) => `/api/v1/org/api-keys/${i.randomId}`, expect: ownersAndAdmins(404) },
  // A random user: flagging a real member would sign them out for the rest of the matrix (the 200 is in test/password-compromised.test.ts).
  {
    method: 'POST',
    route: '/api/v1/org/members/{userId}/password-compromised',
    url: (i) => `/api/v1/org/members/${i.randomId}/password-compromised`,
    expect: ownersAndAdmins(404),
  },
];
