import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOOKING_POLICY_BOUNDS } from '../src/app/admin/create-organization.js';
import { API_KEY_SCOPES } from '../src/app/access/api-key-scopes.js';
import { roleAllows as serverAllows } from '../src/app/access/permissions.js';
import { ROLES as SERVER_ROLES, STAFF_ROLES } from '../src/app/access/roles.js';
import { REMINDER_DAYS_BOUNDS } from '../src/app/auth/security-policy.js';
import { SESSION_TIMEOUT_BOUNDS } from '../src/app/auth/session-timeout-policy.js';
import { API_KEY_SCOPES as WEB_API_KEY_SCOPES } from '../web/src/app/keys/api-key-scopes.js';
import { PERMISSIONS, ROLES, roleAllows } from '../web/src/app/permissions.js';
import { POLICY_BOUNDS, REMINDER_DAYS_BOUNDS as WEB_REMINDER_DAYS_BOUNDS, TIMEOUT_BOUNDS, STAFF_ROLES as WEB_STAFF_ROLES } from '../web/src/app/settings/settings-rules.js';

/** The server's Permission type, read from its source (a type has no runtime value to import). */
function serverPermissions(): string[] {
  const source = readFileSync(new URL('../src/app/access/permissions.ts', import.meta.url), 'utf8');
  const union = /export type Permission =([^;]+);/.exec(source)?.[1] ?? '';
  return [...union.matchAll(/'([\w:]+)'/g)].map((m) => m[1] as string);
}

describe("the staff app's copy of the permissions", () => {
  it('names the same roles and permissions as the server', () => {
    expect([...ROLES]).toEqual([...SERVER_ROLES]);
    expect([...PERMISSIONS].sort()).toEqual(serverPermissions().sort());
  });

  it('gives every role exactly what the server gives it, and an unknown role nothing', () => {
    for (const role of ROLES) {
      for (const permission of PERMISSIONS) expect(roleAllows(role, permission), `${role} ${permission}`).toBe(serverAllows(role, permission));
    }
    expect(roleAllows('someone', 'org:read')).toBe(false);
    expect(roleAllows(null, 'org:read')).toBe(false);
  });
});

describe("the staff app's copies of the settings' rules", () => {
  it('offers exactly the API key scopes, session-limit roles and bounds, and booking policy bounds the server accepts', () => {
    expect([...WEB_API_KEY_SCOPES]).toEqual([...API_KEY_SCOPES]);
    expect([...WEB_STAFF_ROLES]).toEqual([...STAFF_ROLES]);
    expect(TIMEOUT_BOUNDS).toEqual(SESSION_TIMEOUT_BOUNDS);
    expect(POLICY_BOUNDS).toEqual(BOOKING_POLICY_BOUNDS);
    expect(WEB_REMINDER_DAYS_BOUNDS).toEqual(REMINDER_DAYS_BOUNDS);
  });
});
