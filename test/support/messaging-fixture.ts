import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Engine } from '../../src/db/engine.js';
import { buildHttpApp } from '../../src/http/app.js';
import type { Adapters, OutboxService } from '../../src/jobs/outbox-service.js';
import { type TestRuntime, testRuntime } from './databases.js';
import { type Shop, bookingBody, seedShop } from './fixtures.js';
import { testOutbox } from './notify-setup.js';
import { type SmtpSink, startSmtpSink } from './smtp-sink.js';

export interface BookedThroughApi {
  booking: { id: string };
  manageToken: string;
  manageUrl: string;
}

/** The shop on a fresh database, its HTTP app, an SMTP server and an outbox worker (not started). */
export interface MessagingFixture {
  rt: TestRuntime;
  app: FastifyInstance;
  shop: Shop;
  sink: SmtpSink;
  outbox: OutboxService;
  /** Books through the public API and expects 201. */
  book(start: string, over?: Record<string, unknown>): Promise<BookedThroughApi>;
  /** Cancels or reschedules through the manage link. */
  manage(token: string, payload: Record<string, unknown>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function messagingFixture(engine: Engine, adapters: Adapters = {}): Promise<MessagingFixture> {
  const rt = await testRuntime(engine, '2027-03-01T00:00:00Z');
  const shop = await seedShop(rt);
  const app = await buildHttpApp(rt);
  const sink = await startSmtpSink();
  const outbox = testOutbox(rt, sink.url, {}, adapters);
  return {
    rt,
    app,
    shop,
    sink,
    outbox,
    async book(start, over = {}) {
      const res = await app.inject({ method: 'POST', url: `/api/v1/orgs/${shop.orgSlug}/bookings`, payload: bookingBody(shop, start, over) });
      expect(res.statusCode).toBe(201);
      return res.json() as BookedThroughApi;
    },
    manage: (token, payload) => app.inject({ method: 'POST', url: `/api/v1/bookings/manage/${token}`, payload }),
    async close() {
      await outbox.stop();
      await sink.close();
      await app.close();
      await rt.dispose();
    },
  };
}
