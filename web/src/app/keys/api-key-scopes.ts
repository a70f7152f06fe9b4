/**
 * What an API key may be given, as the server names them (src/app/access/api-key-scopes.ts;
 * test/web-permissions.test.ts fails when they drift). No imports: that test reads this file.
 */
export const API_KEY_SCOPES = ['org:read', 'bookings:read', 'bookings:write', 'customers:read'] as const;
