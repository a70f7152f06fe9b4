import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SUSPICIOUS_SIGNS, reportSuspiciousMessage } from '../../app/notifications/report-suspicious.js';
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
          body: Type.Object(
            {
              ref: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
              what: Type.Optional(Type.Array(Type.Union(SUSPICIOUS_SIGNS.map((s) => Type.Literal(s))), { maxItems: SUSPICIOUS_SIGNS.length })),
              contactMe: Type.Optional(Type.Boolean()),
            },
            closed,
          ),
          response: { 200: Type.Object({ received: Type.Boolean(), genuine: Type.Boolean() }), ...errorResponses(400, 413, 415) },
        },
      },
      (request) => reportSuspiciousMessage(ctx, request.body, publicActor(request)),
    );
  };
}
