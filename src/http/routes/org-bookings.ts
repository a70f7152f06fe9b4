import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { bookForCustomer, cancelDeskBooking, decideDeskBooking, recordOutcome, rescheduleDeskBooking } from '../../app/desk/booking-actions.js';
import { listBookings, viewBooking } from '../../app/desk/list-bookings.js';
import type { AppContext } from '../../app/ports.js';
import { Id, Instant, PlainDate, TimeZone, closed, errorResponses } from '../schemas.js';
import { BookingRequest, idempotencyKey } from './bookings.js';
import { BookingDetail, BookingItem } from './desk-schemas.js';

const ListQuery = Type.Object(
  {
    from: PlainDate,
    to: PlainDate,
    timeZone: TimeZone,
    staffId: Type.Optional(Id),
    serviceId: Type.Optional(Id),
    status: Type.Optional(Type.String({ maxLength: 200, description: 'comma-separated, e.g. confirmed,pending' })),
  },
  closed,
);

/** The public booking request without consent (the business books) and without a hold. */
const NewBooking = Type.Omit(BookingRequest, ['consent', 'holdToken'], closed);

const Reason = Type.Object({ reason: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])) }, closed);
const Reschedule = Type.Object({ start: Instant, staffId: Type.Optional(Type.Union([Id, Type.Null()])), timeZone: TimeZone }, closed);
const Params = Type.Object({ bookingId: Id }, closed);

/** The reason is optional, and so is the body that carries it. */
const optionalBody = { preValidation: async (request: { body: unknown }) => { if (request.body === undefined) request.body = {}; } };
const ACTION_ERRORS = errorResponses(400, 401, 403, 404, 409);

/**
 * The staff calendar: bookings of the signed-in organization (a staff member: their own),
 * booking on a customer's behalf, and every change the business makes to a booking.
 */
export function orgBookingRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/org/bookings',
      {
        schema: {
          tags: ['desk'],
          summary: 'Bookings starting between two local dates (at most 62 days), by start',
          querystring: ListQuery,
          response: { 200: Type.Object({ timeZone: Type.String(), bookings: Type.Array(BookingItem) }), ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => listBookings(ctx, request.auth, request.query),
    );

    app.get(
      '/org/bookings/:bookingId',
      {
        schema: {
          tags: ['desk'],
          summary: 'One booking with its history (times in timeZone, else the organization zone)',
          params: Params,
          querystring: Type.Object({ timeZone: Type.Optional(TimeZone) }, closed),
          response: { 200: BookingDetail, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => viewBooking(ctx, request.auth, request.params.bookingId, request.query.timeZone ?? null),
    );

    app.post(
      '/org/bookings',
      {
        schema: {
          tags: ['desk'],
          summary: "Book on a customer's behalf: confirmed at once; the customer gets the usual confirmation",
          headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
          body: NewBooking,
          response: { 201: BookingDetail, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
        },
      },
      async (request, reply) => {
        const key = idempotencyKey(request.headers['idempotency-key']);
        const result = await bookForCustomer(ctx, request.auth, request.body, key);
        if (result.replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(201).send(result.booking);
      },
    );

    app.post(
      '/org/bookings/:bookingId/approve',
      { schema: { tags: ['desk'], summary: 'Accept a booking request', params: Params, response: { 200: BookingDetail, ...ACTION_ERRORS } } },
      async (request) => decideDeskBooking(ctx, request.auth, request.params.bookingId, 'approve'),
    );

    app.post(
      '/org/bookings/:bookingId/decline',
      {
        schema: { tags: ['desk'], summary: 'Decline a booking request', params: Params, body: Reason, response: { 200: BookingDetail, ...ACTION_ERRORS } },
        ...optionalBody,
      },
      async (request) => decideDeskBooking(ctx, request.auth, request.params.bookingId, 'decline', request.body.reason ?? null),
    );

    app.post(
      '/org/bookings/:bookingId/reschedule',
      {
        schema: {
          tags: ['desk'],
          summary: 'Move a booking to another offered time (the customer cutoff does not bind the business)',
          params: Params,
          body: Reschedule,
          response: { 200: BookingDetail, ...ACTION_ERRORS },
        },
      },
      async (request) => rescheduleDeskBooking(ctx, request.auth, request.params.bookingId, request.body),
    );

    app.post(
      '/org/bookings/:bookingId/cancel',
      {
        schema: {
          tags: ['desk'],
          summary: 'Cancel as the business: the customer is told, reminders are dropped, webhooks get booking.cancelled',
          params: Params,
          body: Reason,
          response: { 200: BookingDetail, ...ACTION_ERRORS },
        },
        ...optionalBody,
      },
      async (request) => cancelDeskBooking(ctx, request.auth, request.params.bookingId, request.body.reason ?? null),
    );

    app.post(
      '/org/bookings/:bookingId/complete',
      { schema: { tags: ['desk'], summary: 'Mark a started appointment completed', params: Params, response: { 200: BookingDetail, ...ACTION_ERRORS } } },
      async (request) => recordOutcome(ctx, request.auth, request.params.bookingId, 'completed'),
    );

    app.post(
      '/org/bookings/:bookingId/no-show',
      { schema: { tags: ['desk'], summary: 'Mark a started appointment as a no-show', params: Params, response: { 200: BookingDetail, ...ACTION_ERRORS } } },
      async (request) => recordOutcome(ctx, request.auth, request.params.bookingId, 'no_show'),
    );
  };
}
