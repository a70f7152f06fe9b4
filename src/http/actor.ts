import type { FastifyRequest } from 'fastify';
import type { Actor } from '../app/ports.js';

/** The anonymous visitor of a public page, as far as the audit log needs to know. */
export function publicActor(request: FastifyRequest, type: Actor['type'] = 'public'): Actor {
  const ua = request.headers['user-agent'];
  return { type, id: null, ip: request.ip, userAgent: typeof ua === 'string' ? ua : null };
}
