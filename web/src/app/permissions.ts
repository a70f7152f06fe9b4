/**
 * What each role may do, mirrored from the server (src/app/access/permissions.ts) so that pages
 * show only what the role allows. The API stays the enforcement point; test/web-permissions.test.ts
 * fails when the two drift apart.
 */
export const ROLES = ['owner', 'admin', 'staff', 'receptionist', 'auditor', 'customer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
  admin: PERMISSIONS,
  staff: ['org:read', 'bookings:read', 'bookings:write', 'customers:read', 'health_notes:read'],
  receptionist: ['org:read', 'members:read', 'bookings:read', 'bookings:write', 'customers:read'],
  auditor: ['org:read', 'members:read', 'audit:read', 'bookings:read', 'customers:read', 'keys:read'],
  customer: [],
};

/** Actions the server also asks a fresh sign-in (step-up) for. */
export const STEP_UP_PERMISSIONS: ReadonlySet<Permission> = new Set(['roles:grant', 'security_policy:manage', 'exports:create', 'keys:manage']);

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Whether a role (as the API names it; unknown roles get nothing) has a permission. */
export function roleAllows(role: string | null | undefined, permission: Permission): boolean {
  return role !== null && role !== undefined && isRole(role) && GRANTS[role].includes(permission);
}
