import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { flagMemberPasswordCompromised } from '../../app/auth/password-compromised.js';
import type { AppContext } from '../../app/ports.js';
import { Id, closed, errorResponses } from '../schemas.js';

/** An owner or admin acts on evidence that a member's password is known to others. */
export function orgMemberPasswordRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/org/members/:userId/password-compromised',
      {
        schema: {
          tags: ['auth'],
          summary: "Mark a member's password compromised: signed out everywhere, a new password at the next sign-in (step-up required)",
          params: Type.Object({ userId: Id }, closed),
          response: { 200: Type.Object({ userId: Type.String(), sessionsEnded: Type.Integer() }), ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request) => flagMemberPasswordCompromised(ctx, request.auth, request.params.userId),
    );
  };
}
