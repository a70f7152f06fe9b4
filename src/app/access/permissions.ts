import type { Role } from './roles.js';

/** What an action needs. One line per role below says who has it: deny by default. */
export type Permission =
  | 'org:read'
  | 'org:manage'
  | 'security_policy:manage'
  | 'members:read'
  | 'roles:grant'
  | 'audit:read'
  | 'bookings:read'
  | 'bookings:write'
  | 'customers:read'
  | 'health_notes:read'
  | 'exports:create'
  | 'keys:read'
  | 'keys:manage';

const ALL: readonly Permission[] = [
  'org:read',
  'org:manage',
  'security_policy:manage',
  'members:read',
  'roles:grant',
  'audit:read',
  'bookings:read',
  'bookings:write',
  'customers:read',
  'health_notes:read',
  'exports:create',
  'keys:read',
  'keys:manage',
];

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: ALL,
  admin: ALL,
  // Their own calendar and customers, health notes included (narrowed to their own by the use case).
  staff: ['org:read', 'bookings:read', 'bookings:write', 'customers:read', 'health_notes:read'],
  // Books for anyone; never sees health notes.
  receptionist: ['org:read', 'members:read', 'bookings:read', 'bookings:write', 'customers:read'],
  // Read-only, the audit trail included; no health notes.
  auditor: ['org:read', 'members:read', 'audit:read', 'bookings:read', 'customers:read', 'keys:read'],
  customer: [],
};

/** Sensitive: a fresh authentication (step-up, 15 minutes) is needed on top of the role. */
export const STEP_UP_PERMISSIONS: ReadonlySet<Permission> = new Set(['roles:grant', 'security_policy:manage', 'exports:create', 'keys:manage']);

export function roleAllows(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
