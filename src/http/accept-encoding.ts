import type { FastifyReply } from 'fastify';

/**
 * Whether an Accept-Encoding header (RFC 9110, 12.5.3) lets us answer in gzip: `gzip` (or its
 * old alias `x-gzip`), else `*`, with a weight above 0. No header: no.
 */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (header === undefined) return false;
  let any: boolean | null = null;
  for (const item of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name = '', ...params] = item.split(';');
    const coding = name.trim().toLowerCase();
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') continue;
    let weight = 1;
    for (const param of params) {
      const [key = '', value = ''] = param.split('=');
      if (key.trim().toLowerCase() === 'q') weight = Number(value.trim());
    }
    const allowed = Number.isFinite(weight) && weight > 0;
    if (coding !== '*') return allowed;
    any = allowed;
  }
  return any === true;
}

/** Adds a request header to the reply's Vary list (keeping what other hooks put there). */
export function varyOn(reply: FastifyReply, header: string): void {
  const vary = reply.getHeader('vary');
  reply.header('vary', vary === undefined || vary === '' ? header : `${String(vary)}, ${header}`);
}
