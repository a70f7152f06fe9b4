import type { AddressInfo } from 'node:net';
import type { Config } from '../config.js';
import type { Runtime } from '../main.js';
import { buildHttpApp } from './app.js';
import { httpLoggerOptions } from './logging.js';
import { httpTransportFrom } from './tls/http-transport.js';
import { type RedirectServer, startRedirectServer } from './tls/redirect-server.js';

export interface RunningServer {
  url: string;
  /** The plain-HTTP listener that redirects to PUBLIC_URL (HTTP_REDIRECT_PORT), if any. */
  redirectUrl: string | null;
  close(): Promise<void>;
}

/**
 * Starts the server with pino logging (ids and outcomes only, never personal data): HTTPS
 * when TLS_CERT_FILE/TLS_KEY_FILE are set, and the redirect listener when HTTP_REDIRECT_PORT is.
 */
export async function startServer(config: Config, runtime: Runtime): Promise<RunningServer> {
  const transport = httpTransportFrom(config);
  const app = await buildHttpApp(runtime, { logger: httpLoggerOptions(config.logLevel), trustProxy: [...config.trustProxy], corsOrigins: config.corsOrigins, transport, mailFrom: config.notify.fromAddress });
  await app.listen({ port: config.port, host: config.host });
  let redirect: RedirectServer | null = null;
  try {
    const redirectPort = config.transport.httpRedirectPort;
    if (redirectPort !== null) redirect = await startRedirectServer(redirectPort, config.host, config.publicUrl);
  } catch (e) {
    await app.close();
    throw e;
  }
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `${transport.tls ? 'https' : 'http'}://${host}:${address.port}`,
    redirectUrl: redirect?.url ?? null,
    close: async () => {
      await redirect?.close();
      await app.close();
    },
  };
}
