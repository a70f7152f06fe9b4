/**
 * The server's rules that the settings forms check before sending, so a mistake shows at its
 * field at once. test/web-permissions.test.ts fails when they drift from the server's. No imports:
 * that test reads this file from the server's side.
 */

/** The roles of the people who run the business (every role but customer): each has its own session limits. */
export const STAFF_ROLES = ['owner', 'admin', 'staff', 'receptionist', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Session limits per role (src/app/auth/session-timeout-policy.ts). */
export const TIMEOUT_BOUNDS = { idleMinutes: { min: 5, max: 60 }, absoluteHours: { min: 1, max: 24 } } as const;

/** Booking policies (src/app/admin/create-organization.ts). */
export const POLICY_BOUNDS = { holdMinutes: { min: 1, max: 60 }, defaultCutoffMinutes: { min: 0, max: 30 * 24 * 60 } } as const;

/** Days before a password-change reminder (src/app/auth/security-policy.ts). */
export const REMINDER_DAYS_BOUNDS = { min: 30, max: 3650 } as const;
