import { type Server, createServer } from 'node:https';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Config } from '../../config.js';
import { HSTS_POLICY, serverTlsOptions } from './tls-policy.js';

/** What buildHttpApp needs to know about the wire; absent: plain HTTP without HSTS. */
export interface HttpTransport {
  /** The certificate and key files; the app then speaks HTTPS itself. */
  tls: { certFile: string; keyFile: string } | null;
  /** Send Strict-Transport-Security on every response. */
  hsts: boolean;
}

/**
 * From the configuration: HSTS when this server speaks TLS, or when PUBLIC_URL is https and a
 * trusted proxy (TRUST_PROXY) terminates TLS in front of it; never on plain local HTTP.
 */
export function httpTransportFrom(config: Config): HttpTransport {
  const { tls } = config.transport;
  const behindHttpsProxy = config.trustProxy.length > 0 && config.publicUrl.startsWith('https://');
  return { tls, hsts: tls !== null || behindHttpsProxy };
}

/** The Fastify constructor option that makes it an HTTPS server with our TLS policy. */
export function httpsServerFactory(t: HttpTransport | undefined): Pick<FastifyServerOptions, 'serverFactory'> {
  const tls = t?.tls;
  if (!tls) return {};
  return { serverFactory: (handler): Server => createServer(serverTlsOptions(tls), handler) };
}

/** Adds HSTS to every response (errors and 404s included) when the transport says so. */
export function registerHsts(app: FastifyInstance, t: HttpTransport | undefined): void {
  if (!t?.hsts) return;
  app.addHook('onSend', async (_request, reply) => {
    reply.header('strict-transport-security', HSTS_POLICY);
  });
}
