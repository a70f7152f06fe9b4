import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROLES } from '../../app/access/roles.js';
import { acceptInvitation, inviteMember } from '../../app/auth/invitations.js';
import type { AppContext } from '../../app/ports.js';
import { clientOf, requireSession } from '../plugins/session-auth.js';
import { SecretToken, closed, errorResponses } from '../schemas.js';
import { Email, Password } from './auth.js';

/** Invitation links: made by whoever may grant roles, accepted once by the person invited. */
export function authInvitationRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/org/invitations',
      {
        schema: {
          tags: ['auth'],
          summary: 'A single-use link (7 days) to join my organization with a role; shown once (step-up required)',
          body: Type.Object({ role: Type.Union(ROLES.map((r) => Type.Literal(r))) }, closed),
          response: { 201: Type.Object({ link: Type.String(), role: Type.String(), expiresAt: Type.String() }), ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => reply.status(201).send(await inviteMember(ctx, request.auth, request.body.role)),
    );

    app.post(
      '/auth/invitations/accept',
      {
        schema: {
          tags: ['auth'],
          summary: 'Accept an invitation: signed in, join; otherwise create the account (email, name, password)',
          body: Type.Object(
            {
              token: SecretToken,
              email: Type.Optional(Email),
              name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
              password: Type.Optional(Password),
            },
            closed,
          ),
          response: { 201: Type.Object({ userId: Type.String(), orgId: Type.String(), role: Type.String() }), ...errorResponses(400, 401, 403, 409, 422) },
        },
      },
      async (request, reply) => {
        const auth = request.auth ? requireSession(request) : null;
        return reply.status(201).send(await acceptInvitation(ctx, auth, request.body, clientOf(request)));
      },
    );
  };
}
