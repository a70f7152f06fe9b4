import type { FastifyReply, FastifyRequest } from 'fastify';
import { resolveApiKey } from '../../app/auth/resolve-api-key.js';
import type { AuthContext, ClientInfo } from '../../app/auth/session-model.js';
import type { AppContext } from '../../app/ports.js';
import { DomainError } from '../../domain/errors.js';

/** The credential of an `Authorization: Bearer ...` header, or null when there is none. */
export function bearerCredential(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer[ \t]+(\S{1,512})[ \t]*$/i.exec(header);
  if (match?.[1]) return match[1];
  // Any other Bearer form is a broken key, not "no key": it must not fall back to cookies.
  return /^Bearer\b/i.test(header) ? '' : null;
}

/**
 * An integration's API key as the caller. Account routes (/api/v1/auth/...) are for people
 * and refuse keys; a key that does not work answers 401 `invalid_api_key` with a
 * `WWW-Authenticate` challenge, without saying why.
 */
export async function authenticateApiKey(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, key: string, client: ClientInfo): Promise<AuthContext> {
  if (request.url.startsWith('/api/v1/auth/')) throw new DomainError('forbidden', 'API keys are for the organization API, not for account routes');
  try {
    return await resolveApiKey(ctx, key, client);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'invalid_api_key') reply.header('www-authenticate', 'Bearer error="invalid_token"');
    throw e;
  }
}
