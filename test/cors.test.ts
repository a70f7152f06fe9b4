import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { buildHttpApp } from '../src/http/app.js';
import { startServer } from '../src/http/server.js';
import { addUser, seedTwoShopsWithoutMfa, signIn } from './support/accounts.js';
import { freePort } from './support/cli.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';

const PARTNER = 'https://partner.example.net';
const STRANGER = 'https://evil.example.org';

const preflight = (app: FastifyInstance, url: string, origin: string) =>
  app.inject({ method: 'OPTIONS', url, headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });

describe.each(ENGINES)('CORS allowlist on %s', (engine) => {
  let rt: TestRuntime;
  let plain: FastifyInstance;
  let app: FastifyInstance;
  let key: string;
  let ownerHeaders: Record<string, string>;

  beforeAll(async () => {
    rt = await testRuntime(engine);
    await seedTwoShopsWithoutMfa(rt);
    plain = await buildHttpApp(rt);
    app = await buildHttpApp(rt, { corsOrigins: [PARTNER] });
    const owner = await signIn(app, await addUser(rt, 'shop', 'owner', 'olga@example.org'));
    ownerHeaders = owner.headers;
    const made = await app.inject({ method: 'POST', url: '/api/v1/org/api-keys', headers: owner.headers, payload: { name: 'Partner site', scopes: ['org:read'] } });
    key = made.json().key;
  });
  afterAll(async () => {
    await plain?.close();
    await app?.close();
    await rt?.dispose();
  });

  it('sends no CORS headers at all when no origin is configured', async () => {
    const pre = await preflight(plain, '/api/v1/org/security-policy', PARTNER);
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    expect(pre.headers['access-control-allow-methods']).toBeUndefined();
    const res = await plain.inject({ method: 'GET', url: '/api/v1/org/security-policy', headers: { origin: PARTNER, authorization: `Bearer ${key}` } });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('answers a listed origin’s preflight for the API with the methods and headers a key needs, never credentials', async () => {
    const pre = await preflight(app, '/api/v1/org/security-policy', PARTNER);
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe(PARTNER);
    expect(String(pre.headers['access-control-allow-headers'])).toMatch(/Authorization/);
    expect(String(pre.headers['access-control-allow-headers'])).not.toMatch(/csrf/i);
    expect(String(pre.headers['access-control-allow-methods'])).toMatch(/DELETE/);
    expect(pre.headers['access-control-allow-credentials']).toBeUndefined();
    expect(String(pre.headers.vary)).toMatch(/Origin/);
  });

  it('lets the listed origin read answers to calls made with an API key, errors included', async () => {
    const ok = await app.inject({ method: 'GET', url: '/api/v1/org/security-policy', headers: { origin: PARTNER, authorization: `Bearer ${key}` } });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe(PARTNER);
    expect(ok.headers['access-control-allow-credentials']).toBeUndefined();
    const bad = await app.inject({ method: 'GET', url: '/api/v1/org/security-policy', headers: { origin: PARTNER, authorization: 'Bearer sgk_wrong' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.headers['access-control-allow-origin']).toBe(PARTNER);
    expect(String(bad.headers['access-control-expose-headers'])).toMatch(/WWW-Authenticate/);
  });

  it('gives an unlisted origin, the sign-in routes and the pages no Access-Control-Allow-Origin', async () => {
    const stranger = await preflight(app, '/api/v1/org/security-policy', STRANGER);
    expect(stranger.statusCode).toBe(204);
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
    const strangerGet = await app.inject({ method: 'GET', url: '/api/v1/org/security-policy', headers: { origin: STRANGER, authorization: `Bearer ${key}` } });
    expect(strangerGet.headers['access-control-allow-origin']).toBeUndefined();
    const login = await preflight(app, '/api/v1/auth/login', PARTNER);
    expect(login.headers['access-control-allow-origin']).toBeUndefined();
    const page = await app.inject({ method: 'GET', url: '/', headers: { origin: PARTNER } });
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('still refuses a cookie-authenticated state change sent from the listed origin', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/org/api-keys',
      headers: { ...ownerHeaders, origin: PARTNER },
      payload: { name: 'From elsewhere', scopes: ['org:read'] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/Cross-origin/);
  });

  it('takes the list from CORS_ORIGINS when the server starts', async () => {
    const config = loadConfig({ PORT: String(await freePort()), CORS_ORIGINS: PARTNER, LOG_LEVEL: 'silent', SLOTGUARD_DEMO: '0' });
    const server = await startServer(config, rt);
    try {
      const res = await fetch(`${server.url}/api/v1/org/security-policy`, { method: 'OPTIONS', headers: { origin: PARTNER, 'access-control-request-method': 'GET' } });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(PARTNER);
    } finally {
      await server.close();
    }
  });
});
