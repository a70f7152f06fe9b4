import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { readCalendarFeed } from '../../app/notifications/calendar-feeds.js';
import type { AppContext } from '../../app/ports.js';
import { staffFeedIcs } from '../../notify/ics/staff-feed-ics.js';
import { publicActor } from '../actor.js';
import { closed, errorResponses } from '../schemas.js';

/** A staff member's calendar subscription: the secret token in the path opens it, until revoked. */
export function calendarFeedRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/calendar/:feed',
      {
        schema: {
          tags: ['calendar'],
          summary: "A staff member's appointments as an ICS subscription",
          params: Type.Object({ feed: Type.String({ pattern: '^[A-Za-z0-9_-]{32,128}\\.ics$' }) }, closed),
          response: { 200: Type.String({ description: 'text/calendar' }), ...errorResponses(400, 404) },
        },
      },
      async (request, reply) => {
        const token = request.params.feed.slice(0, -'.ics'.length);
        const host = new URL(ctx.publicUrl).host;
        const content = await readCalendarFeed(ctx, token, host, publicActor(request, 'public'));
        reply.header('referrer-policy', 'no-referrer');
        return reply.type('text/calendar; charset=utf-8').send(staffFeedIcs(content.name, content.stamp, content.events));
      },
    );
  };
}
