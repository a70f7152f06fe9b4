import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

const METHODS = 'GET, POST, PUT, PATCH, DELETE';
// What an integration sends: its key, a JSON body, a retry key. Never X-CSRF-Token: that belongs to our cookies.
const HEADERS = 'Authorization, Content-Type, Idempotency-Key';
const EXPOSED = 'Retry-After, WWW-Authenticate';
const MAX_AGE_SECONDS = '600';

/** Cross-origin calls go to the integration API only: not to sign-in and account routes, not to pages. */
function inScope(url: string): boolean {
  return url.startsWith('/api/v1/') && !url.startsWith('/api/v1/auth/');
}

function allowOrigin(reply: FastifyReply, origin: string): void {
  reply.header('access-control-allow-origin', origin);
  reply.header('access-control-expose-headers', EXPOSED);
}

/**
 * CORS for the origins in CORS_ORIGINS (exact matches), for /api/v1 only. Cookies are never
 * allowed cross-origin (no Access-Control-Allow-Credentials): a browser page on another
 * origin can call the API only with an API key. An origin not on the list gets no
 * Access-Control-Allow-Origin, so its browser keeps the answer from it.
 */
export const corsAllowlist = fp<{ origins: readonly string[] }>(async (app: FastifyInstance, { origins }) => {
  const allowed = new Set(origins);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!inScope(request.url)) return;
    reply.header('vary', 'Origin');
    const origin = request.headers.origin;
    const known = typeof origin === 'string' && allowed.has(origin);
    const preflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
    if (!preflight) {
      if (known) allowOrigin(reply, origin);
      return;
    }
    if (known) {
      allowOrigin(reply, origin);
      reply.header('access-control-allow-methods', METHODS);
      reply.header('access-control-allow-headers', HEADERS);
      reply.header('access-control-max-age', MAX_AGE_SECONDS);
    }
    reply.status(204).send();
    return reply;
  });
});
