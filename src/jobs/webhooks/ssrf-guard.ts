import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { DeliveryError } from '../../notify/delivery-error.js';
import { isBlockedAddress } from '../../security/blocked-addresses.js';

export interface SafeTarget {
  url: URL;
  /** The checked address the connection must go to (pinned: no second DNS answer is used). */
  address: string;
  family: 4 | 6;
}

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true });

/**
 * Checks a webhook URL before each delivery: https (http only for an allowed host), no
 * credentials, and every address the name resolves to outside the blocked ranges, unless the
 * org allows this host by name. The caller connects to the returned address only.
 */
export async function resolveSafeTarget(raw: string, allowedHosts: readonly string[], resolve: Resolver = systemResolver): Promise<SafeTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DeliveryError('webhook_bad_url', false, true);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const allowed = allowedHosts.map((h) => h.toLowerCase()).includes(host);
  if (url.username || url.password) throw new DeliveryError('webhook_bad_url', false, true);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowed)) throw new DeliveryError('webhook_https_required', false, true);
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      throw new DeliveryError('webhook_dns_failed', true);
    }
  }
  const first = addresses[0];
  if (!first) throw new DeliveryError('webhook_dns_failed', true);
  if (!allowed && addresses.some((a) => isBlockedAddress(a.address))) throw new DeliveryError('ssrf_refused', false, true);
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
