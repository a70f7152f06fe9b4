import type { MatrixRow } from './access-matrix.js';
import { ownersAndAdmins } from './matrix-helpers.js';

/** Owners and admins change; auditors read too; other roles are refused; another org gets its own answer. */
const readers = (status: number) => ownersAndAdmins(status, { auditor: status });
const managers = (status: number) => ownersAndAdmins(status);

/** The org's outbox, message settings and webhooks (src/http/routes/org-messages.ts); a user's anti-phishing phrase. */
export const MESSAGES_ROWS: MatrixRow[] = [
  { method: 'GET', route: '/api/v1/auth/anti-phishing-phrase', expect: { ...readers(200), staff: 200, receptionist: 200, customer: 200 } },
  {
    method: 'PUT',
    route: '/api/v1/auth/anti-phishing-phrase',
    payload: () => ({ phrase: 'blue heron at dawn' }),
    expect: { ...readers(200), staff: 200, receptionist: 200, customer: 200 },
  },
  { method: 'GET', route: '/api/v1/org/outbox', expect: readers(200) },
  { method: 'GET', route: '/api/v1/org/outbox/{messageId}', url: (i) => `/api/v1/org/outbox/${i.randomId}`, expect: readers(404) },
  { method: 'POST', route: '/api/v1/org/outbox/{messageId}/retry', url: (i) => `/api/v1/org/outbox/${i.randomId}/retry`, expect: managers(404) },
  { method: 'GET', route: '/api/v1/org/notification-settings', expect: readers(200) },
  { method: 'PUT', route: '/api/v1/org/notification-settings', payload: () => ({ followUpAfterMin: null }), expect: managers(200) },
  { method: 'GET', route: '/api/v1/org/webhooks', expect: readers(200) },
  {
    method: 'POST',
    route: '/api/v1/org/webhooks',
    payload: () => ({ url: 'https://hooks.example.org/slotguard', events: ['booking.created'] }),
    expect: managers(201),
  },
  { method: 'DELETE', route: '/api/v1/org/webhooks/{webhookId}', url: (i) => `/api/v1/org/webhooks/${i.randomId}`, expect: managers(404) },
  {
    method: 'GET',
    route: '/api/v1/org/webhooks/{webhookId}/deliveries',
    url: (i) => `/api/v1/org/webhooks/${i.randomId}/deliveries`,
    expect: readers(404),
  },
];
