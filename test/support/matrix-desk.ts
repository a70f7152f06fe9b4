import type { MatrixRow } from './access-matrix.js';
import { orgMembers } from './matrix-helpers.js';

/**
 * Every role of the business reads (the matrix's staff user has no linked staff member, so
 * sees an empty calendar and no booking); customers are refused; another org gets its own answer.
 */
const readers = orgMembers;
/** Writers as readers, but auditors (read-only) are refused. */
const writers = (status: number, over: Parameters<typeof orgMembers>[1] = {}) => orgMembers(status, { auditor: 403, ...over });

const NEW_BOOKING = (serviceId: string) => ({
  serviceId,
  start: '2027-03-02T09:00:00+01:00',
  timeZone: 'Europe/Berlin',
  customer: { name: 'Matrix Customer', email: 'matrix@example.com' },
});

/** The staff calendar: bookings and customers (src/http/routes/org-bookings.ts, org-customers.ts). */
export const DESK_ROWS: MatrixRow[] = [
  { method: 'GET', route: '/api/v1/org/bookings', url: () => '/api/v1/org/bookings?from=2027-03-01&to=2027-03-07&timeZone=Europe/Berlin', expect: readers(200) },
  { method: 'GET', route: '/api/v1/org/bookings/{bookingId}', url: (i) => `/api/v1/org/bookings/${i.randomId}`, expect: readers(404) },
  // An unknown service is 404; staff without a linked staff member may not book at all.
  { method: 'POST', route: '/api/v1/org/bookings', payload: (i) => NEW_BOOKING(i.randomId), expect: writers(404, { staff: 403 }) },
  ...['approve', 'decline', 'cancel', 'complete', 'no-show'].map(
    (action): MatrixRow => ({
      method: 'POST',
      route: `/api/v1/org/bookings/{bookingId}/${action}`,
      url: (i) => `/api/v1/org/bookings/${i.randomId}/${action}`,
      expect: writers(404),
    }),
  ),
  {
    method: 'POST',
    route: '/api/v1/org/bookings/{bookingId}/reschedule',
    url: (i) => `/api/v1/org/bookings/${i.randomId}/reschedule`,
    payload: () => ({ start: '2027-03-02T10:00:00+01:00', timeZone: 'Europe/Berlin' }),
    expect: writers(404),
  },
  { method: 'GET', route: '/api/v1/org/customers', expect: readers(200) },
  { method: 'GET', route: '/api/v1/org/customers/{customerId}', url: (i) => `/api/v1/org/customers/${i.randomId}`, expect: readers(404) },
];
