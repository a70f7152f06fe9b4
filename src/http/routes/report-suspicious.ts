import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { reportSuspiciousMessage } from '../../app/notifications/report-suspicious.js';
import type { AppContext } from '../../app/ports.js';
import { publicActor } from '../actor.js';
import { closed, errorResponses } from '../schemas.js';

/** "Report a suspicious message": the page at PUBLIC_URL/report-suspicious posts here. */
export function reportSuspiciousRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/messages/report',
      {
        schema: {
          tags: ['messages'],
          summary: 'Report a message that claims to come from us; says whether it did',
          body: Type.Object({ ref: Type.String({ minLength: 1, maxLength: 64 }) }, closed),
          response: { 200: Type.Object({ received: Type.Boolean(), genuine: Type.Boolean() }), ...errorResponses(400, 413, 415) },
        },
      },
      (request) => reportSuspiciousMessage(ctx, request.body.ref, publicActor(request)),
    );
  };
}
