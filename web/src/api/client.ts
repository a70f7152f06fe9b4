import type {
  BookingCreated,
  BookingRequest,
  ErrorDetail,
  Hold,
  ManagedBooking,
  ServiceList,
  SlotList,
} from './types';

/** A refusal from the API, with its stable code (`slot_unavailable`, `cutoff_passed`, ...). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * One request to /api/v1 (the booking page's and the staff app's): a JSON body, same-origin
 * cookies, nothing cached. Answers the parsed JSON (null if none); a network failure or a
 * refusal becomes an ApiError with the server's stable code.
 */
export async function requestApi(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  // keepalive: the request outlives the page (a hold given back as the customer leaves).
  init: { keepalive?: boolean } = {},
): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers: body === undefined ? { accept: 'application/json', ...headers } : { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      keepalive: init.keepalive === true,
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The server could not be reached');
  }
  const text = await res.text();
  const json: unknown = text ? safeParse(text) : null;
  if (!res.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | null)?.error;
    throw new ApiError(res.status, error?.code ?? 'server_error', error?.message ?? res.statusText, error?.details ?? []);
  }
  return json;
}

const call = async <T>(...args: Parameters<typeof requestApi>) => (await requestApi(...args)) as T;

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const seg = encodeURIComponent;

export const api = {
  services: (org: string) => call<ServiceList>('GET', `/orgs/${seg(org)}/services`),

  slots: (org: string, q: { serviceId: string; from: string; to: string; timeZone: string; staffId: string | null }) => {
    const params = new URLSearchParams({ from: q.from, to: q.to, timeZone: q.timeZone });
    if (q.staffId) params.set('staffId', q.staffId);
    return call<SlotList>('GET', `/orgs/${seg(org)}/services/${seg(q.serviceId)}/slots?${params}`);
  },

  /** The same-origin event stream that says when the service's free times may have changed. */
  availabilityEventsUrl: (org: string, serviceId: string) => `/api/v1/orgs/${seg(org)}/services/${seg(serviceId)}/availability/events`,

  hold: (org: string, body: { serviceId: string; start: string; staffId: string | null; timeZone: string }) =>
    call<Hold>('POST', `/orgs/${seg(org)}/holds`, body),

  releaseHold: (org: string, holdToken: string) => call<null>('POST', `/orgs/${seg(org)}/holds/release`, { holdToken }, {}, { keepalive: true }),

  book: (org: string, body: BookingRequest, idempotencyKey: string) =>
    call<BookingCreated>('POST', `/orgs/${seg(org)}/bookings`, body, { 'idempotency-key': idempotencyKey }),

  managed: (token: string) => call<ManagedBooking>('GET', `/bookings/manage/${seg(token)}`),

  cancel: (token: string, reason: string | null) =>
    call<ManagedBooking>('POST', `/bookings/manage/${seg(token)}`, { action: 'cancel', reason }),

  reschedule: (token: string, start: string, timeZone: string) =>
    call<ManagedBooking>('POST', `/bookings/manage/${seg(token)}`, { action: 'reschedule', start, timeZone }),
};
