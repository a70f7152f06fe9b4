import { api } from '../api';

/** GET/PUT /api/v1/org/settings; a PUT changes only the fields it names. */
export interface OrgSettings {
  name: string;
  slug: string;
  timeZone: string;
  locale: string;
  policies: BookingPolicies;
  allowedFrameOrigins: string[];
}

/** How long a chosen time is held while the customer types; until when customers may change a booking online. */
export interface BookingPolicies {
  holdMinutes: number;
  defaultCutoffMinutes: number;
}

export const loadSettings = () => api.get<OrgSettings>('/org/settings');
export const saveSettings = (change: Partial<Omit<OrgSettings, 'slug' | 'policies'>> & { policies?: Partial<BookingPolicies> }) => api.put<OrgSettings>('/org/settings', change);
