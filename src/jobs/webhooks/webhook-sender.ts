import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { DeliveryError } from '../../notify/delivery-error.js';
import { type Resolver, resolveSafeTarget } from './ssrf-guard.js';
import { signWebhook } from './webhook-signature.js';

export interface WebhookToSend {
  url: string;
  secret: string;
  event: string;
  /** Our message id: receivers use it to ignore a repeated delivery. */
  deliveryId: string;
  body: string;
  timestampSeconds: number;
  allowedHosts: readonly string[];
}

const TIMEOUT_MS = 10_000;

/** Posts signed JSON to an endpoint, connecting only to the address the SSRF guard approved. */
export class WebhookSender {
  constructor(private readonly resolve?: Resolver) {}

  async send(w: WebhookToSend): Promise<{ providerRef: string | null }> {
    const target = await resolveSafeTarget(w.url, w.allowedHosts, this.resolve);
    const pinned: LookupFunction = (_host, options, callback) => {
      if (typeof options === 'object' && options.all) callback(null, [{ address: target.address, family: target.family }]);
      else callback(null, target.address, target.family);
    };
    const client = target.url.protocol === 'https:' ? https : http;
    const status = await new Promise<number>((resolve, reject) => {
      const req = client.request(
        target.url,
        {
          method: 'POST',
          lookup: pinned,
          timeout: TIMEOUT_MS,
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Slotguard-Webhooks/1',
            'x-slotguard-event': w.event,
            'x-slotguard-delivery': w.deliveryId,
            'x-slotguard-timestamp': String(w.timestampSeconds),
            'x-slotguard-signature': signWebhook(w.secret, w.timestampSeconds, w.body),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', () => reject(new DeliveryError('webhook_connection', true)));
        },
      );
      req.on('timeout', () => req.destroy(new DeliveryError('webhook_timeout', true)));
      req.on('error', (e) => reject(e instanceof DeliveryError ? e : new DeliveryError('webhook_connection', true)));
      req.end(w.body);
    });
    if (status >= 200 && status < 300) return { providerRef: `http_${status}` };
    // Redirects are not followed: a redirect could point anywhere, past the SSRF checks.
    throw new DeliveryError(`webhook_http_${status}`, status === 408 || status === 429 || status >= 500);
  }
}
