import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { type ConnectionOptions, type Server, type TLSSocket, type TlsOptions, connect, createServer } from 'node:tls';

/** What a TLS client saw: the negotiated protocol and suite, or the error that ended the handshake. */
export type Handshake = { ok: true; protocol: string | null; cipher: string } | { ok: false; code: string };

/** Opens a real TLS connection with the client's own settings and reports how the handshake ended. */
export function handshake(port: number, client: ConnectionOptions): Promise<Handshake> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, rejectUnauthorized: false, ...client }, () => {
      resolve({ ok: true, protocol: socket.getProtocol(), cipher: socket.getCipher().name });
      socket.destroy();
    });
    socket.on('error', (e: NodeJS.ErrnoException) => resolve({ ok: false, code: e.code ?? e.message }));
  });
}

export interface HttpsAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  protocol: string | null;
  cipher: string;
}

/** A GET over HTTPS that trusts only `ca` and checks the certificate names 127.0.0.1. */
export function httpsGet(port: number, path: string, ca: string, client: ConnectionOptions = {}): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', ca, agent: false, ...client }, (res) => {
      const socket = res.socket as TLSSocket;
      const answer: HttpsAnswer = { status: res.statusCode ?? 0, headers: res.headers, protocol: socket.getProtocol(), cipher: socket.getCipher().name };
      res.resume();
      res.on('end', () => resolve(answer));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * A TLS server that accepts anything OpenSSL can still speak (TLS 1.0 up, every suite): the
 * control that proves a refused client really could connect, so the refusal is our server's.
 */
export async function startLenientTlsServer(cert: string, key: string): Promise<{ port: number; close(): Promise<void> }> {
  const options: TlsOptions = { cert, key, minVersion: 'TLSv1', ciphers: 'ALL@SECLEVEL=0' };
  const server: Server = createServer(options, (socket) => socket.end());
  // A refused handshake is the expected outcome of some probes, not a failure of the server.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
