import type { Config } from '../config.js';
import type { Runtime } from '../main.js';
import { buildHttpApp, redactUrl } from './app.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Starts the HTTP server with pino logging (ids and outcomes only, never personal data). */
export async function startServer(config: Config, runtime: Runtime): Promise<RunningServer> {
  const app = await buildHttpApp(runtime, {
    logger: {
      level: config.logLevel,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({
          id: req.id,
          method: req.method,
          url: redactUrl(req.url),
        }),
      },
    },
  });
  await app.listen({ port: config.port, host: config.host });
  return { url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`, close: () => app.close() };
}
