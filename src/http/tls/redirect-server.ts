import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RedirectServer {
  url: string;
  close(): Promise<void>;
}

/**
 * A plain-HTTP listener that serves nothing: every request gets a 301 to the same path on the
 * https PUBLIC_URL. The target comes from configuration, never from the Host header, so the
 * listener cannot be made to redirect anywhere else.
 */
export async function startRedirectServer(port: number, host: string, httpsPublicUrl: string): Promise<RedirectServer> {
  const origin = new URL(httpsPublicUrl).origin;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(301, { location: `${origin}${pathOf(request.url)}`, 'content-length': '0', connection: 'close' });
    response.end();
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The request's path and query; an absolute-form or `*` target becomes `/`. */
function pathOf(target: string | undefined): string {
  return target?.startsWith('/') ? target : '/';
}
