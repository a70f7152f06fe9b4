/** Services, staff, working hours and date overrides, as the setup pages read and change them. */
import { apiCall } from '../api';
import type { Interval, OverrideKind, WeeklyHoursEntry } from './working-hours';

export interface DeskService {
  id: string;
  name: string;
  description: string;
  durationMin: number;
  priceCents: number | null;
  currency: string | null;
  bufferBeforeMin: number;
  bufferAfterMin: number;
  slotIntervalMin: number;
  minNoticeMin: number;
  maxAdvanceDays: number | null;
  capacity: number;
  requiresApproval: boolean;
  cutoffMin: number;
  active: boolean;
  staffIds: string[];
}

export type ServiceInput = Omit<DeskService, 'id'>;

export interface DeskStaff {
  id: string;
  name: string;
  timeZone: string;
  active: boolean;
  userId: string | null;
  email: string | null;
  phone: string | null;
  serviceIds: string[];
}

export type StaffInput = Omit<DeskStaff, 'id'>;

export interface StaffHours {
  timeZone: string;
  hours: WeeklyHoursEntry[];
}

export interface DateOverride {
  id: string;
  date: string;
  kind: OverrideKind;
  intervals: Interval[];
  note: string | null;
}

/** Notes on overrides are not stored by the server yet: it takes none. */
export type OverrideInput = Omit<DateOverride, 'id' | 'note'>;

export interface OrgSettings {
  timeZone: string;
  name?: string;
  slug?: string;
  locale?: string;
}

export interface OrgMember {
  userId: string;
  name: string;
  email: string;
  role: string;
}

const seg = encodeURIComponent;

/** List answers may come bare or wrapped ({ services: [...] }); both read the same. */
function listOf<T>(answer: unknown, key: string): T[] {
  if (Array.isArray(answer)) return answer as T[];
  const inner = (answer as Record<string, unknown> | null)?.[key];
  return Array.isArray(inner) ? (inner as T[]) : [];
}

export const setupApi = {
  settings: () => apiCall<OrgSettings>('GET', '/org/settings'),
  services: async () => listOf<DeskService>(await apiCall<unknown>('GET', '/org/services'), 'services'),
  /** A new service starts active; one saved as inactive is switched off right after. */
  async createService(body: ServiceInput) {
    const { active, ...fields } = body;
    const created = await apiCall<DeskService>('POST', '/org/services', fields);
    return active ? created : apiCall<DeskService>('PUT', `/org/services/${seg(created.id)}`, { active: false });
  },
  updateService: (id: string, body: ServiceInput) => apiCall<unknown>('PUT', `/org/services/${seg(id)}`, body),
  staff: async () => listOf<DeskStaff>(await apiCall<unknown>('GET', '/org/staff'), 'staff'),
  createStaff: (body: StaffInput) => apiCall<unknown>('POST', '/org/staff', body),
  updateStaff: (id: string, body: StaffInput) => apiCall<unknown>('PUT', `/org/staff/${seg(id)}`, body),
  hours: (staffId: string) => apiCall<StaffHours>('GET', `/org/staff/${seg(staffId)}/hours`),
  /** The hours count in the staff member's own time zone, which their profile sets. */
  saveHours: (staffId: string, hours: WeeklyHoursEntry[]) => apiCall<StaffHours>('PUT', `/org/staff/${seg(staffId)}/hours`, { hours }),
  overrides: async (staffId: string, from: string, to: string) =>
    listOf<DateOverride>(await apiCall<unknown>('GET', `/org/staff/${seg(staffId)}/overrides?${new URLSearchParams({ from, to })}`), 'overrides'),
  addOverride: (staffId: string, body: OverrideInput) => apiCall<unknown>('POST', `/org/staff/${seg(staffId)}/overrides`, body),
  removeOverride: (staffId: string, overrideId: string) => apiCall<unknown>('DELETE', `/org/staff/${seg(staffId)}/overrides/${seg(overrideId)}`),
  members: async () => listOf<OrgMember>(await apiCall<unknown>('GET', '/org/members'), 'members'),
};
