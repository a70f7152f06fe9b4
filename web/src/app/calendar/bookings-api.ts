/** The staff side of bookings: the calendar's list, one booking with its history, and the changes staff make. */
import { apiCall } from '../api';

export const BOOKING_STATUSES = ['pending', 'confirmed', 'completed', 'no_show', 'cancelled', 'declined', 'held', 'expired'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export interface DeskBooking {
  id: string;
  status: BookingStatus;
  serviceId: string;
  serviceName: string;
  staffId: string;
  staffName: string;
  start: string;
  end: string;
  seats: number;
  createdAt: string;
  /** An erased customer keeps the id only: empty name and email, `erased: true`. */
  customer: { id: string; name: string; email: string; phone: string | null; erased?: boolean };
  /** Absent for roles that may not see health notes; null when there are none. */
  notes?: string | null;
}

export interface BookingHistoryEntry {
  at: string;
  type: string;
  actor: string;
  note: string | null;
}

export interface DeskBookingDetail extends DeskBooking {
  history: BookingHistoryEntry[];
}

export interface BookingQuery {
  from: string;
  to: string;
  timeZone: string;
  staffId?: string | null;
  serviceId?: string | null;
  status?: readonly BookingStatus[];
}

export interface NewBooking {
  serviceId: string;
  start: string;
  staffId?: string;
  timeZone: string;
  customer: { name: string; email: string; phone?: string };
  notes?: string;
  locale?: 'en' | 'zh-CN';
  smsReminders?: boolean;
}

export type BookingAction =
  | { kind: 'approve' }
  | { kind: 'decline'; reason: string | null }
  | { kind: 'cancel'; reason: string | null }
  | { kind: 'complete' }
  | { kind: 'no-show' }
  | { kind: 'reschedule'; start: string; staffId: string | null; timeZone: string };

const seg = encodeURIComponent;

/** What each action sends: a reason only when one was given, a staff member only when chosen. */
function actionBody(action: BookingAction): Record<string, unknown> {
  switch (action.kind) {
    case 'decline':
    case 'cancel':
      return action.reason ? { reason: action.reason } : {};
    case 'reschedule':
      return { start: action.start, timeZone: action.timeZone, ...(action.staffId ? { staffId: action.staffId } : {}) };
    default:
      return {};
  }
}

export const bookingsApi = {
  list(q: BookingQuery) {
    const params = new URLSearchParams({ from: q.from, to: q.to, timeZone: q.timeZone });
    if (q.staffId) params.set('staffId', q.staffId);
    if (q.serviceId) params.set('serviceId', q.serviceId);
    if (q.status && q.status.length > 0) params.set('status', q.status.join(','));
    return apiCall<{ timeZone: string; bookings: DeskBooking[] }>('GET', `/org/bookings?${params}`);
  },
  get: (id: string, timeZone: string) => apiCall<DeskBookingDetail>('GET', `/org/bookings/${seg(id)}?${new URLSearchParams({ timeZone })}`),
  create: (body: NewBooking) => apiCall<unknown>('POST', '/org/bookings', body),
  act: (id: string, action: BookingAction) => apiCall<unknown>('POST', `/org/bookings/${seg(id)}/${action.kind}`, actionBody(action)),
};
