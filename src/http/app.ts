import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Runtime } from '../main.js';
import { installErrorHandler } from './error-handler.js';
import { type HttpTransport, httpsServerFactory, registerHsts } from './tls/http-transport.js';
import { authCookiesFor } from './plugins/auth-cookies.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { corsAllowlist } from './plugins/cors.js';
import { sessionAuth } from './plugins/session-auth.js';
import { authApi } from './routes/auth-api.js';
import { type LiveAvailabilityOptions, availabilityEventRoutes } from './routes/availability-events.js';
import { bookingRoutes } from './routes/bookings.js';
import { calendarFeedRoutes } from './routes/calendar-feed.js';
import { healthRoutes } from './routes/health.js';
import { manageRoutes } from './routes/manage.js';
import { orgBookingRoutes } from './routes/org-bookings.js';
import { orgCustomerRoutes } from './routes/org-customers.js';
import { orgMessagesRoutes } from './routes/org-messages.js';
import { authAntiPhishingRoutes } from './routes/auth-anti-phishing.js';
import { orgApiKeyRoutes } from './routes/org-api-keys.js';
import { orgMemberPasswordRoutes } from './routes/org-member-password.js';
import { publicBookingRoutes } from './routes/public-booking.js';
import { reportSuspiciousRoutes } from './routes/report-suspicious.js';
import { type FrameAncestors, webRoutes } from './routes/web.js';
import { orgMemberAccessRoutes } from './routes/org-member-access.js';
import { orgSetupRoutes } from './routes/org-setup.js';
import { orgStaffRoutes } from './routes/org-staff.js';
import { bookingPageFrameOrigins } from '../app/admin/org-settings.js';
import { ErrorResponse } from './schemas.js';

export interface HttpOptions {
  logger?: FastifyServerOptions['logger'];
  /** Largest accepted request body, bytes. */
  bodyLimit?: number;
  /** Origins allowed to embed an organization's booking page; its stored allowedFrameOrigins unless given. */
  frameAncestors?: FrameAncestors;
  /** The built web app to serve (dist/web by default). */
  webRoot?: string;
  /** Proxies whose X-Forwarded-For is believed (TRUST_PROXY); none by default. */
  trustProxy?: string[];
  /** HTTPS on this server, and whether to send HSTS; plain HTTP without HSTS by default. */
  transport?: HttpTransport;
  /** Origins whose pages may call /api/v1 with an API key (CORS_ORIGINS); none: no CORS headers at all. */
  corsOrigins?: readonly string[];
  /** The sender address messages show (SMTP_FROM's address); admin previews use it. */
  mailFrom?: string;
  /** Live availability streams: limits, heartbeat and check intervals (defaults in routes/availability-events.ts). */
  liveAvailability?: Partial<LiveAvailabilityOptions>;
}

/** Builds the HTTP app. Plugins load in a fixed order: security, docs, errors, routes. */
export async function buildHttpApp(runtime: Runtime, options: HttpOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    genReqId: () => randomUUID(),
    trustProxy: options.trustProxy && options.trustProxy.length > 0 ? options.trustProxy : false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    ...httpsServerFactory(options.transport),
  }).withTypeProvider<TypeBoxTypeProvider>();

  // The API speaks JSON only; anything else is 415 rather than a confusing validation error.
  app.removeContentTypeParser('text/plain');

  await registerSecurityHeaders(app);
  registerHsts(app, options.transport);
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/api/v1/')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });

  app.addSchema(ErrorResponse);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Slotguard API', version: '1.0.0', description: 'Secure appointment scheduling' },
      tags: [
        { name: 'booking', description: 'Public booking page' },
        { name: 'auth', description: 'Sign-in, sessions and second factors' },
        { name: 'manage', description: "A customer's manage link" },
        { name: 'ops', description: 'Health and readiness' },
        { name: 'setup', description: "The signed-in organization's settings, services, staff, working hours and date overrides" },
        { name: 'desk', description: "The staff calendar: bookings and customers of the signed-in organization" },
      ],
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  installErrorHandler(app);
  // Before the session hook: a preflight is answered without looking at credentials.
  if (options.corsOrigins && options.corsOrigins.length > 0) await app.register(corsAllowlist, { origins: options.corsOrigins });
  const cookies = authCookiesFor(runtime.ctx.publicUrl);
  await app.register(sessionAuth, { ctx: runtime.ctx, cookies });

  await app.register(healthRoutes(runtime.database));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(
    async (api) => {
      await api.register(publicBookingRoutes(runtime.ctx));
      await api.register(availabilityEventRoutes(runtime.ctx, options.liveAvailability));
      await api.register(bookingRoutes(runtime.ctx));
      await api.register(manageRoutes(runtime.ctx));
      await api.register(calendarFeedRoutes(runtime.ctx));
      await api.register(reportSuspiciousRoutes(runtime.ctx));
      await api.register(authAntiPhishingRoutes(runtime.ctx));
      await api.register(orgBookingRoutes(runtime.ctx));
      await api.register(orgCustomerRoutes(runtime.ctx));
      await api.register(orgMessagesRoutes(runtime.ctx, { queue: runtime.outboxQueue, fromAddress: options.mailFrom ?? `no-reply@${new URL(runtime.ctx.publicUrl).hostname}` }));
      await api.register(authApi(runtime.ctx, cookies));
      await api.register(orgApiKeyRoutes(runtime.ctx));
      await api.register(orgMemberPasswordRoutes(runtime.ctx));
      await api.register(orgSetupRoutes(runtime.ctx));
      await api.register(orgStaffRoutes(runtime.ctx));
      await api.register(orgMemberAccessRoutes(runtime.ctx));
    },
    { prefix: '/api/v1' },
  );
  // Each organization's booking page may be framed by the origins it allows (PUT /org/settings).
  const frameAncestors = options.frameAncestors ?? ((orgSlug: string) => bookingPageFrameOrigins(runtime.ctx, orgSlug));
  await app.register(webRoutes({ frameAncestors, root: options.webRoot }));
  return app;
}
