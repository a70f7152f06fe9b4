import type { MatrixRow } from './access-matrix.js';
import { orgMembers, ownersAndAdmins } from './matrix-helpers.js';

/** Every role of the business reads its setup; customers are refused; another org reads its own. */
const readers = (status: number) => orgMembers(status);
/** Only owners and admins change it (another org's owner: in their own org). */
const managers = (status: number, otherOrg = status) => ownersAndAdmins(status, { other_org: otherOrg });

/**
 * The matrix knows no service or staff id of the shop: object routes are called with a random
 * id, so those who may act get 404 and the rest are refused before any lookup.
 */
export const SETUP_ROWS: MatrixRow[] = [
  { method: 'GET', route: '/api/v1/org/settings', expect: readers(200) },
  { method: 'PUT', route: '/api/v1/org/settings', payload: () => ({}), expect: managers(200) },
  { method: 'GET', route: '/api/v1/org/services', expect: readers(200) },
  {
    method: 'POST',
    route: '/api/v1/org/services',
    // A staff member of no organization: refused as invalid by those who may add services.
    payload: (i) => ({ name: 'Matrix', durationMin: 30, staffIds: [i.randomId] }),
    expect: managers(400),
  },
  {
    method: 'PUT',
    route: '/api/v1/org/services/{serviceId}',
    url: (i) => `/api/v1/org/services/${i.randomId}`,
    payload: () => ({ name: 'Matrix' }),
    expect: managers(404),
  },
  { method: 'GET', route: '/api/v1/org/staff', expect: readers(200) },
  { method: 'POST', route: '/api/v1/org/staff', payload: () => ({ name: 'Matrix' }), expect: managers(201) },
  {
    method: 'PUT',
    route: '/api/v1/org/staff/{staffId}',
    url: (i) => `/api/v1/org/staff/${i.randomId}`,
    payload: () => ({ name: 'Matrix' }),
    expect: managers(404),
  },
  { method: 'GET', route: '/api/v1/org/staff/{staffId}/hours', url: (i) => `/api/v1/org/staff/${i.randomId}/hours`, expect: readers(404) },
  {
    method: 'PUT',
    route: '/api/v1/org/staff/{staffId}/hours',
    url: (i) => `/api/v1/org/staff/${i.randomId}/hours`,
    payload: () => ({ hours: [] }),
    expect: managers(404),
  },
  { method: 'GET', route: '/api/v1/org/staff/{staffId}/overrides', url: (i) => `/api/v1/org/staff/${i.randomId}/overrides`, expect: readers(404) },
  {
    method: 'POST',
    route: '/api/v1/org/staff/{staffId}/overrides',
    url: (i) => `/api/v1/org/staff/${i.randomId}/overrides`,
    payload: () => ({ date: '2027-03-02', kind: 'day_off' }),
    expect: managers(404),
  },
  {
    method: 'DELETE',
    route: '/api/v1/org/staff/{staffId}/overrides/{overrideId}',
    url: (i) => `/api/v1/org/staff/${i.randomId}/overrides/${i.randomId}`,
    expect: managers(404),
  },
  // Disabling or resetting the matrix's staff user would end their session for later rows: a random id.
  { method: 'POST', route: '/api/v1/org/members/{userId}/disable', url: (i) => `/api/v1/org/members/${i.randomId}/disable`, expect: managers(404) },
  { method: 'POST', route: '/api/v1/org/members/{userId}/enable', url: (i) => `/api/v1/org/members/${i.staffUserId}/enable`, expect: managers(200, 404) },
  { method: 'POST', route: '/api/v1/org/members/{userId}/mfa/reset', url: (i) => `/api/v1/org/members/${i.randomId}/mfa/reset`, expect: managers(404) },
];
