import type { ReactNode } from 'react';
import { CalendarPage } from './calendar/CalendarPage';
import { ApiKeysPage } from './keys/ApiKeysPage';
import type { Permission } from './permissions';
import { SecurityPage } from './security/SecurityPage';
import { SettingsPage } from './settings/SettingsPage';
import { HoursPage } from './setup/HoursPage';
import { ServicesPage } from './setup/ServicesPage';
import { StaffPage } from './setup/StaffPage';
import { UsersPage } from './users/UsersPage';

/**
 * The pages inside the staff app's shell, in navigation order. Add a page here: its path below
 * /app, its element, the permission a role needs to see it (the API still enforces), and a
 * navigation entry whose label is a namespaced key (app:nav.users, desk:nav.something). Entries
 * with `group: 'setup'` are listed under "Setup". Pages read the session with useMe()/useCan()
 * (./session), call the API with api.get/post/put/delete (./api), wrap sensitive calls in
 * useStepUp().withStepUp (./step-up), and translate with useLocale('desk') or useLocale('app').
 */
export interface AppRoute {
  /** Below /app: 'calendar', 'setup/services'; may end in '/*' for pages with their own routes. */
  path: string;
  element: ReactNode;
  /** Roles without it see neither the entry nor the page. */
  permission?: Permission;
  nav?: { labelKey: string; group?: NavGroup };
}

export type NavGroup = 'setup';
export const NAV_GROUP_LABELS: Record<NavGroup, string> = { setup: 'app:nav.setup' };

export const APP_ROUTES: readonly AppRoute[] = [
  { path: 'calendar/*', element: <CalendarPage />, permission: 'bookings:read', nav: { labelKey: 'app:nav.calendar' } },
  { path: 'setup/services/*', element: <ServicesPage />, permission: 'org:manage', nav: { labelKey: 'app:nav.services', group: 'setup' } },
  { path: 'setup/staff/*', element: <StaffPage />, permission: 'org:manage', nav: { labelKey: 'app:nav.staff', group: 'setup' } },
  { path: 'setup/hours/*', element: <HoursPage />, permission: 'org:manage', nav: { labelKey: 'app:nav.hours', group: 'setup' } },
  // --- People, settings, my account ---
  { path: 'users', element: <UsersPage />, permission: 'members:read', nav: { labelKey: 'app:nav.users' } },
  { path: 'settings', element: <SettingsPage />, permission: 'org:read', nav: { labelKey: 'app:nav.settings' } },
  { path: 'api-keys', element: <ApiKeysPage />, permission: 'keys:read', nav: { labelKey: 'app:nav.apiKeys' } },
  { path: 'security', element: <SecurityPage />, nav: { labelKey: 'app:nav.security' } },
];

/** Where a route's navigation link points: its path without a trailing '/*'. */
export const linkOf = (route: AppRoute) => `/app/${route.path.replace(/\/\*$/, '')}`;
