import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { resolveSession } from '../../app/auth/resolve-session.js';
import type { AuthContext, ClientInfo, SessionStage } from '../../app/auth/session-model.js';
import type { AppContext } from '../../app/ports.js';
import { DomainError } from '../../domain/errors.js';
import { csrfTokenMatches } from '../../security/sessions/csrf-token.js';
import { authenticateApiKey, bearerCredential } from './api-key-auth.js';
import { type AuthCookies, cookieValue } from './auth-cookies.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's live session, or null. Set for every /api request before its handler. */
    auth: AuthContext | null;
    /** The session cookie's value when it named a live session (for rotation and CSRF). */
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** False for the few routes that act on no session (sign-in, reset): Origin checked only. */
    csrf?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function clientOf(request: FastifyRequest): ClientInfo {
  const ua = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof ua === 'string' ? ua.slice(0, 256) : null };
}

const forbidden = (message: string) => new DomainError('forbidden', message);

/**
 * Cookie sessions (or an integration's API key) for the whole API: resolves the session cookie on each request (enforcing
 * its timeouts on the server) and guards every state change made with our cookies: the
 * Origin, when sent, must be ours, and the `X-CSRF-Token` header must match the session.
 */
export const sessionAuth = fp<{ ctx: AppContext; cookies: AuthCookies }>(async (app: FastifyInstance, { ctx, cookies }) => {
  await app.register(cookie);
  app.decorateRequest('auth', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const key = bearerCredential(request);
    if (key !== null) {
      // An integration: cookies are ignored, and no CSRF token is needed (a browser never adds this header on its own).
      request.auth = await authenticateApiKey(ctx, request, reply, key, clientOf(request));
      return;
    }
    const sessionCookie = cookieValue(request, cookies.session);
    if (sessionCookie) {
      request.auth = await resolveSession(ctx, sessionCookie, clientOf(request));
      request.sessionToken = request.auth ? sessionCookie : null;
    }
    if (SAFE_METHODS.has(request.method)) return;
    const pending = cookieValue(request, cookies.pending);
    const usesCookies = request.sessionToken !== null || pending !== null;
    const origin = request.headers.origin;
    if ((usesCookies || request.url.startsWith('/api/v1/auth/')) && origin !== undefined && origin !== cookies.origin) {
      throw forbidden('Cross-origin request refused');
    }
    if (!usesCookies || request.routeOptions.config.csrf === false) return;
    const presented = request.headers['x-csrf-token'];
    const ok =
      typeof presented === 'string' &&
      [request.sessionToken, pending].some((value) => value !== null && csrfTokenMatches(value, presented));
    if (!ok) throw forbidden('Missing or wrong X-CSRF-Token header');
  });
});

/** The caller's session, which must be at one of `stages` (a full one by default); else 401. */
export function requireSession(request: FastifyRequest, stages: readonly SessionStage[] = ['full']): AuthContext {
  const auth = request.auth;
  if (!auth) throw new DomainError('unauthenticated', 'Sign in first');
  if (auth.apiKey) throw forbidden('API keys cannot be used here');
  if (!stages.includes(auth.stage)) {
    throw new DomainError(
      auth.stage === 'mfa_enrolment' ? 'mfa_required' : 'forbidden',
      auth.stage === 'mfa_enrolment' ? 'Set up a second factor first' : 'Change your password first',
    );
  }
  return auth;
}
