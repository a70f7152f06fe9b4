import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listMySessions, revokeAllMySessions, revokeMySession } from '../../app/auth/my-sessions.js';
import type { AppContext } from '../../app/ports.js';
import { type AuthCookies, clearAuthCookies } from '../plugins/auth-cookies.js';
import { requireSession } from '../plugins/session-auth.js';
import { Id, closed, errorResponses } from '../schemas.js';

const SessionList = Type.Object({
  sessions: Type.Array(
    Type.Object({
      id: Type.String(),
      current: Type.Boolean(),
      createdAt: Type.String(),
      lastSeenAt: Type.String(),
      expiresAt: Type.String(),
      ip: Type.Union([Type.String(), Type.Null()]),
      userAgent: Type.Union([Type.String(), Type.Null()]),
      authMethods: Type.Array(Type.String()),
    }),
  ),
});

/** "My devices": a user's own sessions, each revocable, or all at once. */
export function authSessionRoutes(ctx: AppContext, cookies: AuthCookies): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/auth/sessions',
      { schema: { tags: ['auth'], summary: 'My signed-in devices', response: { 200: SessionList, ...errorResponses(401) } } },
      async (request) => ({ sessions: await listMySessions(ctx, requireSession(request)) }),
    );

    app.delete(
      '/auth/sessions/:sessionId',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign out one of my devices',
          params: Type.Object({ sessionId: Id }, closed),
          response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const auth = requireSession(request);
        await revokeMySession(ctx, auth, request.params.sessionId);
        if (request.params.sessionId === auth.sessionId) clearAuthCookies(reply, cookies);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/sessions/revoke-all',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign out all my devices (keepCurrent: all but this one)',
          body: Type.Object({ keepCurrent: Type.Optional(Type.Boolean()) }, closed),
          response: { 200: Type.Object({ revoked: Type.Integer() }), ...errorResponses(401, 403) },
        },
      },
      async (request, reply) => {
        const keepCurrent = request.body.keepCurrent ?? false;
        const revoked = await revokeAllMySessions(ctx, requireSession(request), keepCurrent);
        if (!keepCurrent) clearAuthCookies(reply, cookies);
        return { revoked };
      },
    );
  };
}
