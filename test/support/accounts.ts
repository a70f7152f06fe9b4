import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Role } from '../../src/app/access/roles.js';
import { createUser } from '../../src/app/auth/create-user.js';
import { DEFAULT_SECURITY_POLICY } from '../../src/app/auth/security-policy.js';
import type { TestRuntime } from './databases.js';
import { type Shop, seedShop } from './fixtures.js';

export const SESSION_COOKIE = '__Host-sg_session';
export const PENDING_COOKIE = '__Host-sg_pending';
export const ORIGIN = 'https://book.example.test';

/** A password that passes every rule for every role. */
export const GOOD_PASSWORD = 'orbiting velvet marmots hum';

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

export async function addUser(rt: TestRuntime, orgSlug: string, role: Role, email: string, password = GOOD_PASSWORD): Promise<TestUser> {
  const created = await createUser(rt.ctx, { orgSlug, email, name: 'Test Person', role, password }, { type: 'cli', id: 'test' });
  return { id: created.id, email, password };
}

/** The value a response sets for a cookie ('' when it clears it), or undefined. */
export function setCookie(res: LightMyRequestResponse, name: string): { value: string; raw: string } | undefined {
  const headers = res.headers['set-cookie'];
  const all = headers === undefined ? [] : Array.isArray(headers) ? headers : [headers];
  const raw = all.find((h) => h.startsWith(`${name}=`));
  return raw ? { value: raw.slice(name.length + 1).split(';')[0] ?? '', raw } : undefined;
}

/** A browser's view of one signed-in session: its cookie and its CSRF token. */
export interface Browser {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

export function browser(cookie: string, csrf: string, cookieName = SESSION_COOKIE): Browser {
  return { cookie, csrf, headers: { cookie: `${cookieName}=${cookie}`, 'x-csrf-token': csrf, origin: ORIGIN } };
}

export function login(app: FastifyInstance, email: string, password: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers: { origin: ORIGIN, ...headers } });
}

/** Signs in with a password alone and expects a session. */
export async function signIn(app: FastifyInstance, user: TestUser, headers: Record<string, string> = {}): Promise<Browser> {
  const res = await login(app, user.email, user.password, headers);
  expect(res.statusCode, res.body).toBe(200);
  const cookie = setCookie(res, SESSION_COOKIE);
  expect(cookie).toBeDefined();
  return browser(cookie?.value ?? '', res.json().csrfToken);
}

export const me = (app: FastifyInstance, b: Pick<Browser, 'headers'>) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: b.headers });

/** The CSRF-guarded headers of a pending sign-in (after a password, before the second factor). */
export function pendingHeaders(pending: string, csrf: string): Record<string, string> {
  return { cookie: `${PENDING_COOKIE}=${pending}`, 'x-csrf-token': csrf, origin: ORIGIN };
}

/** Signs in with a password and expects to be asked for a second factor. */
export async function startSignIn(app: FastifyInstance, user: TestUser, headers: Record<string, string> = {}) {
  const res = await login(app, user.email, user.password, headers);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().mfaRequired).toBe(true);
  expect(setCookie(res, SESSION_COOKIE)).toBeUndefined();
  const pending = setCookie(res, PENDING_COOKIE)?.value ?? '';
  return { methods: res.json().methods as string[], headers: pendingHeaders(pending, res.json().csrfToken), pending };
}

export function post(app: FastifyInstance, url: string, headers: Record<string, string>, payload: Record<string, unknown> = {}) {
  return app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload });
}

/** The session a response set, as a browser would keep it. */
export function sessionFrom(res: LightMyRequestResponse): Browser {
  const cookie = setCookie(res, SESSION_COOKIE);
  expect(cookie, res.body).toBeDefined();
  return browser(cookie?.value ?? '', res.json().csrfToken);
}

/**
 * Two businesses, 'shop' and 'other-shop', whose policies let every role sign in with a
 * password alone: for tests about roles and tenants rather than second factors.
 */
export async function seedTwoShopsWithoutMfa(rt: TestRuntime): Promise<{ shop: Shop; other: Shop }> {
  const shop = await seedShop(rt, 'shop');
  const other = await seedShop(rt, 'other-shop');
  await rt.ctx.uow.write(async (r) => {
    for (const orgId of [shop.orgId, other.orgId]) await r.accounts.securityPolicies.save(orgId, { ...DEFAULT_SECURITY_POLICY, mfaRequiredRoles: [] });
  });
  return { shop, other };
}
