import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { roleAllows as serverAllows } from '../src/app/access/permissions.js';
import { ROLES as SERVER_ROLES } from '../src/app/access/roles.js';
import { PERMISSIONS, ROLES, roleAllows } from '../web/src/app/permissions.js';

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
