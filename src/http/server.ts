import type { Config } from '../config.js';
import type { Runtime } from '../main.js';
import { buildHttpApp } from './app.js';
import { httpLoggerOptions } from './logging.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Starts the HTTP server with pino logging (ids and outcomes only, never personal data). */
export async function startServer(config: Config, runtime: Runtime): Promise<RunningServer> {
  const app = await buildHttpApp(runtime, { logger: httpLoggerOptions(config.logLevel), trustProxy: [...config.trustProxy] });
  await app.listen({ port: config.port, host: config.host });
  return { url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`, close: () => app.close() };
}
