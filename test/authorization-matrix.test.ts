import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../src/http/app.js';
import { newId } from '../src/security/ids.js';
import { CALLERS, type Caller, MATRIX, type MatrixIds, PUBLIC_ROUTES } from './support/access-matrix.js';
import { type Browser, ORIGIN, type TestUser, addUser, seedTwoShopsWithoutMfa, signIn } from './support/accounts.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';

describe.each(ENGINES)('authorization matrix on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  const users = new Map<Caller, TestUser>();
  const sessions = new Map<Caller, Browser>();
  let ids: MatrixIds;

  beforeAll(async () => {
    rt = await testRuntime(engine);
    // Second factors are tested elsewhere; here every role gets a full session from its password.
    await seedTwoShopsWithoutMfa(rt);
    app = await buildHttpApp(rt);
    for (const caller of CALLERS) {
      if (caller === 'anonymous') continue;
      const role = caller === 'other_org' ? 'owner' : caller;
      users.set(caller, await addUser(rt, caller === 'other_org' ? 'other-shop' : 'shop', role, `${caller}@example.org`));
    }
    ids = { staffUserId: users.get('staff')?.id ?? '', ownerSessionId: '', randomId: newId() };
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
  });

  it('has a row (or a public reason) for every route, so a new route cannot slip through unchecked', async () => {
    await app.ready();
    const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const covered = new Set([...Object.keys(PUBLIC_ROUTES), ...MATRIX.map((r) => `${r.method} ${r.route}`)]);
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((r) => !routes.includes(r))).toEqual([]);
  });

  async function sessionOf(caller: Caller, fresh: boolean): Promise<Record<string, string>> {
    if (caller === 'anonymous') return { origin: ORIGIN };
    const user = users.get(caller);
    if (!user) throw new Error(caller);
    let b = sessions.get(caller);
    if (!b || fresh) {
      b = await signIn(app, user);
      if (!fresh) sessions.set(caller, b);
    }
    return b.headers;
  }

  for (const row of MATRIX) {
    it(`${row.method} ${row.route}: each caller gets exactly the intended answer`, async () => {
      const got: Partial<Record<Caller, number>> = {};
      for (const caller of CALLERS) {
        const headers = await sessionOf(caller, row.consumesSession === true);
        if (row.route.includes('{sessionId}')) {
          const victim = await signIn(app, users.get('owner') as TestUser);
          const list = await app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: victim.headers });
          ids.ownerSessionId = (list.json().sessions as { id: string; current: boolean }[]).find((s) => s.current)?.id ?? '';
        }
        const url = row.url ? row.url(ids) : row.route;
        const payload = row.payload?.(ids);
        const res = await app.inject({ method: row.method, url, headers, ...(payload ? { payload } : {}) });
        got[caller] = res.statusCode;
      }
      expect(got).toEqual(row.expect);
    });
  }
});
