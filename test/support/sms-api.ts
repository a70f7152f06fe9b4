import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentSms {
  to: string;
  from: string;
  body: string;
  authorization: string;
  idempotencyKey: string;
}

export interface FakeSmsApi {
  url: string;
  sent: SentSms[];
  /** HTTP status for the next requests (201 by default). */
  status: number;
  close(): Promise<void>;
}

/** A stand-in for the SMS provider's remote API (the one outside service tests may fake). */
export async function startFakeSmsApi(): Promise<FakeSmsApi> {
  const api: FakeSmsApi = { url: '', sent: [], status: 201, close: async () => {} };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      if (api.status >= 300) {
        res.writeHead(api.status).end('{"message":"refused"}');
        return;
      }
      const form = new URLSearchParams(body);
      api.sent.push({
        to: form.get('To') ?? '',
        from: form.get('From') ?? '',
        body: form.get('Body') ?? '',
        authorization: req.headers.authorization ?? '',
        idempotencyKey: String(req.headers['idempotency-key'] ?? ''),
      });
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sid: `SM${api.sent.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/2010-04-01/Accounts/AC123/Messages.json`;
  api.close = () => new Promise((resolve) => server.close(() => resolve()));
  return api;
}
