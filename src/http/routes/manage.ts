import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  cancelManagedBooking,
  rescheduleManagedBooking,
  viewManagedBooking,
} from '../../app/booking/manage-booking.js';
import type { AppContext } from '../../app/ports.js';
import { invalidRequest } from '../../domain/errors.js';
import { publicActor } from '../actor.js';
import { BookingView, Instant, SecretToken, TimeZone, closed, errorResponses } from '../schemas.js';

const Managed = Type.Object({
  booking: BookingView,
  org: Type.Object({ slug: Type.String(), name: Type.String(), timeZone: Type.String() }),
  canCancel: Type.Boolean(),
  canReschedule: Type.Boolean(),
  changeDeadline: Type.String(),
  history: Type.Array(Type.Object({ at: Type.String(), type: Type.String() })),
});

const ManageAction = Type.Object(
  {
    action: Type.Union([Type.Literal('cancel'), Type.Literal('reschedule')]),
    reason: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    start: Type.Optional(Instant),
    timeZone: Type.Optional(TimeZone),
  },
  closed,
);

/** The customer's manage link: the token alone opens exactly one booking. */
export function manageRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addHook('onSend', async (_request, reply) => {
      reply.header('referrer-policy', 'no-referrer');
    });

    app.get(
      '/bookings/manage/:token',
      {
        schema: {
          tags: ['manage'],
          summary: 'See a booking through its manage link',
          params: Type.Object({ token: SecretToken }, closed),
          response: { 200: Managed, ...errorResponses(400, 404) },
        },
      },
      (request) => viewManagedBooking(ctx, request.params.token, publicActor(request, 'manage_link')),
    );

    app.post(
      '/bookings/manage/:token',
      {
        schema: {
          tags: ['manage'],
          summary: 'Cancel or reschedule a booking through its manage link',
          params: Type.Object({ token: SecretToken }, closed),
          body: ManageAction,
          response: { 200: Managed, ...errorResponses(400, 404, 409, 413, 415) },
        },
      },
      async (request) => {
        const actor = publicActor(request, 'manage_link');
        const { action, start, reason, timeZone } = request.body;
        if (action === 'cancel') {
          if (start !== undefined) throw invalidRequest('Cancel takes no start', [{ path: 'body.start', message: 'not allowed with cancel' }]);
          return cancelManagedBooking(ctx, request.params.token, reason ?? null, actor);
        }
        if (start === undefined) throw invalidRequest('Reschedule needs a start', [{ path: 'body.start', message: 'is required' }]);
        return rescheduleManagedBooking(ctx, request.params.token, start, timeZone ?? null, actor);
      },
    );
  };
}
