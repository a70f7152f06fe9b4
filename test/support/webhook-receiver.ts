import { type IncomingHttpHeaders, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedHook {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  port: number;
  received: ReceivedHook[];
  /** Status for each request, by arrival (default 204). */
  status: (n: number) => number;
  close(): Promise<void>;
}

/** An integration's endpoint on loopback, as a test receiver. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  let n = 0;
  const receiver: WebhookReceiver = { port: 0, received: [], status: () => 204, close: async () => {} };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      const status = receiver.status(n++);
      if (status < 300) receiver.received.push({ headers: req.headers, body });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}
