import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app/ports.js';
import { findSlotsBody } from '../../app/public/find-slots.js';
import { listServices } from '../../app/public/list-services.js';
import { acceptsGzip, varyOn } from '../accept-encoding.js';
import { Id, OrgSlug, PlainDate, TimeZone, closed, errorResponses } from '../schemas.js';

const ServiceList = Type.Object({
  org: Type.Object({ slug: Type.String(), name: Type.String(), timeZone: Type.String(), locale: Type.String() }),
  services: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      description: Type.String(),
      durationMin: Type.Integer(),
      price: Type.Union([Type.Object({ amountCents: Type.Integer(), currency: Type.String() }), Type.Null()]),
      capacity: Type.Integer(),
      requiresApproval: Type.Boolean(),
      staff: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
    }),
  ),
});

const SlotList = Type.Object({
  timeZone: Type.String(),
  slots: Type.Array(Type.Object({ start: Type.String(), end: Type.String(), staffIds: Type.Array(Type.String()) })),
});

/** What anyone may see on a business's booking page: services and free times. */
export function publicBookingRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/orgs/:org/services',
      {
        schema: {
          tags: ['booking'],
          summary: 'Services a business offers',
          params: Type.Object({ org: OrgSlug }, closed),
          response: { 200: ServiceList, ...errorResponses(400, 404) },
        },
      },
      (request) => listServices(ctx, request.params.org),
    );

    app.get(
      '/orgs/:org/services/:serviceId/slots',
      {
        schema: {
          tags: ['booking'],
          summary: 'Free times of a service, in the requested time zone (at most 62 days)',
          params: Type.Object({ org: OrgSlug, serviceId: Id }, closed),
          querystring: Type.Object(
            { from: PlainDate, to: PlainDate, timeZone: TimeZone, staffId: Type.Optional(Id) },
            closed,
          ),
          response: { 200: SlotList, ...errorResponses(400, 404) },
        },
      },
      // The answer comes as JSON text (src/app/public/slot-answer-cache.ts writes exactly the
      // schema's fields), so it is not serialized again on every request; an answer from the
      // cache goes out gzip-compressed to clients that accept it, compressed once and kept.
      async (request, reply) => {
        const body = await findSlotsBody(ctx, {
          orgSlug: request.params.org,
          serviceId: request.params.serviceId,
          from: request.query.from,
          to: request.query.to,
          timeZone: request.query.timeZone,
          staffId: request.query.staffId ?? null,
        });
        reply.type('application/json; charset=utf-8');
        varyOn(reply, 'Accept-Encoding');
        if (body.gzip && acceptsGzip(request.headers['accept-encoding'])) {
          reply.header('content-encoding', 'gzip');
          return reply.send(body.gzip() as unknown as Static<typeof SlotList>);
        }
        // Typed as the schema's object; a string with a JSON content type is sent as it is.
        return reply.send(body.json as unknown as Static<typeof SlotList>);
      },
    );
  };
}
