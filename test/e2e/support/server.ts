import type { FastifyInstance } from 'fastify';
import { type HttpOptions, buildHttpApp } from '../../../src/http/app.js';
import { freePort } from '../../support/cli.js';
import { type TestRuntime, testRuntime } from '../../support/databases.js';
import { type Shop, seedShop } from '../../support/fixtures.js';

/** Monday 1 March 2027, 08:00 in Berlin: the server's clock and the browsers' alike. */
export const NOW = '2027-03-01T07:00:00Z';

export interface E2eServer {
  base: string;
  rt: TestRuntime;
  shop: Shop;
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * The real server with the built UI on a free port, over a fresh SQLite file with the test shop.
 * It knows its own address from the start, as a deployed server does: manage links point at it,
 * and the sign-in cookies and the same-origin check fit the browser's http://127.0.0.1 origin.
 */
export async function startServer(options: HttpOptions = {}, hostname = '127.0.0.1'): Promise<E2eServer> {
  const rt = await testRuntime('sqlite', NOW);
  const shop = await seedShop(rt, 'shop');
  await rt.database.db.updateTable('organizations').set({ name: 'Studio Mia' }).where('id', '=', shop.orgId).execute();
  const port = await freePort();
  // 'localhost' where a test needs a domain: WebAuthn refuses an IP address as its relying party.
  const base = `http://${hostname}:${port}`;
  const app = await buildHttpApp({ ...rt, ctx: { ...rt.ctx, publicUrl: base } }, options);
  await app.listen({ port, host: '127.0.0.1' });
  return {
    base,
    rt,
    shop,
    app,
    close: async () => {
      await app.close();
      await rt.dispose();
    },
  };
}

/** Books through the API, as another customer elsewhere would. */
export async function bookDirectly(server: E2eServer, start: string, over: Record<string, unknown> = {}) {
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/v1/orgs/shop/bookings',
    payload: {
      serviceId: server.shop.haircut.id,
      start,
      staffId: server.shop.staff.ana,
      timeZone: 'Europe/Berlin',
      customer: { name: 'Other Customer', email: 'other@example.com' },
      consent: { privacyNoticeVersion: '2027-01' },
      ...over,
    },
  });
  if (res.statusCode !== 201) throw new Error(`booking failed: ${res.statusCode} ${res.body}`);
  return res.json() as { booking: { id: string; start: string }; manageToken: string; manageUrl: string };
}

export async function managed(server: E2eServer, token: string) {
  const res = await server.app.inject({ method: 'GET', url: `/api/v1/bookings/manage/${token}` });
  if (res.statusCode !== 200) throw new Error(`manage view failed: ${res.statusCode} ${res.body}`);
  return res.json() as {
    booking: { start: string; status: string; timeZone: string; cancelReason: string | null; staff: { name: string }; customer: { name: string; email: string; phone: string | null } | null };
  };
}
