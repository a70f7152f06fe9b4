/** What a person may be in one organization. */
export const ROLES = ['owner', 'admin', 'staff', 'receptionist', 'auditor', 'customer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles of the people who run the business (as opposed to its customers). */
export const STAFF_ROLES: readonly Role[] = ['owner', 'admin', 'staff', 'receptionist', 'auditor'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
