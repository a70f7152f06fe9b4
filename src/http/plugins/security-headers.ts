import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';

/** What every answer carries: a strict CSP, no sniffing, no framing, a careful referrer. */
export const HELMET_OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      styleSrc: ["'self'"],
      scriptSrc: ["'self'"],
    },
  },
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  crossOriginEmbedderPolicy: false,
  // HSTS only where the transport is HTTPS (tls/http-transport.ts), never on local HTTP.
  hsts: false,
};

/**
 * helmet's headers, worked out once per process. @fastify/helmet 13 calls `helmet(options)`
 * on every request, which rebuilds each middleware and parses the CSP directives again: that
 * was more than half the cost of a small answer. Our headers are the same for every request
 * (no nonces, no per-route helmet options; routes that need another CSP edit the header, see
 * routes/web.ts), so helmet itself answers one request on a private instance at start-up and
 * the headers it added are set on every reply from then on.
 */
export async function registerSecurityHeaders(app: FastifyInstance, options: FastifyHelmetOptions = HELMET_OPTIONS): Promise<void> {
  const headers = await headersHelmetAdds(options);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}

async function headersHelmetAdds(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  try {
    await probe.register(helmet, options);
    probe.get('/with', async () => ({}));
    probe.get('/without', { helmet: false }, async () => ({}));
    const [withHelmet, without] = await Promise.all([probe.inject('/with'), probe.inject('/without')]);
    const added: Record<string, string> = {};
    for (const [name, value] of Object.entries(withHelmet.headers)) {
      if (value === undefined || without.headers[name] === value) continue;
      added[name] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    if (!added['content-security-policy']) throw new Error('helmet added no Content-Security-Policy');
    return added;
  } finally {
    await probe.close();
  }
}
