import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { bookAppointment } from '../../app/booking/book-appointment.js';
import { holdSlot, releaseHold } from '../../app/booking/hold-slot.js';
import type { AppContext } from '../../app/ports.js';
import { invalidRequest } from '../../domain/errors.js';
import { publicActor } from '../actor.js';
import { BookingView, Id, Instant, OrgSlug, SecretToken, TimeZone, closed, errorResponses } from '../schemas.js';

/** What a customer sends to book; the desk takes the same without consent and hold. */
export const BookingRequest = Type.Object(
  {
    serviceId: Id,
    start: Instant,
    staffId: Type.Optional(Type.Union([Id, Type.Null()])),
    timeZone: TimeZone,
    customer: Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 200 }),
        email: Type.String({ minLength: 3, maxLength: 254 }),
        phone: Type.Optional(Type.Union([Type.String({ maxLength: 32 }), Type.Null()])),
      },
      closed,
    ),
    notes: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
    consent: Type.Object({ privacyNoticeVersion: Type.String({ minLength: 1, maxLength: 40 }) }, closed),
    holdToken: Type.Optional(Type.Union([SecretToken, Type.Null()])),
    locale: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('zh-CN'), Type.Null()])),
    smsReminders: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
  },
  closed,
);

const BookingCreated = Type.Object({ booking: BookingView, manageUrl: Type.String(), manageToken: Type.String() });

const HoldRequest = Type.Object(
  { serviceId: Id, start: Instant, staffId: Type.Optional(Type.Union([Id, Type.Null()])), timeZone: TimeZone },
  closed,
);
const HoldCreated = Type.Object({
  holdToken: Type.String(),
  expiresAt: Type.String(),
  start: Type.String(),
  end: Type.String(),
  staffId: Type.String(),
});

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,255}$/;

/** The Idempotency-Key header, checked; null when absent. */
export function idempotencyKey(raw: string | string[] | undefined): string | null {
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || !IDEMPOTENCY_KEY.test(raw)) {
    throw invalidRequest('Invalid Idempotency-Key', [
      { path: 'headers.idempotency-key', message: 'must be 8 to 255 visible ASCII characters' },
    ]);
  }
  return raw;
}

/** Booking without an account: holds and bookings on a business's public page. */
export function bookingRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/orgs/:org/bookings',
      {
        schema: {
          tags: ['booking'],
          summary: 'Book a slot (send an Idempotency-Key so a retry never books twice)',
          params: Type.Object({ org: OrgSlug }, closed),
          headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
          body: BookingRequest,
          response: { 201: BookingCreated, ...errorResponses(400, 404, 409, 413, 415) },
        },
      },
      async (request, reply) => {
        const key = idempotencyKey(request.headers['idempotency-key']);
        const result = await bookAppointment(ctx, request.params.org, request.body, key, publicActor(request));
        if (result.replayed) reply.header('idempotent-replayed', 'true');
        reply.header('referrer-policy', 'no-referrer');
        return reply.status(201).send(result);
      },
    );

    app.post(
      '/orgs/:org/holds',
      {
        schema: {
          tags: ['booking'],
          summary: 'Hold a slot for a few minutes while the customer types',
          params: Type.Object({ org: OrgSlug }, closed),
          body: HoldRequest,
          response: { 201: HoldCreated, ...errorResponses(400, 404, 409, 413, 415) },
        },
      },
      async (request, reply) => {
        const hold = await holdSlot(ctx, request.params.org, request.body, publicActor(request));
        return reply.status(201).send(hold);
      },
    );

    app.post(
      '/orgs/:org/holds/release',
      {
        schema: {
          tags: ['booking'],
          summary: 'Give a held slot back now (the customer chose another time or left)',
          params: Type.Object({ org: OrgSlug }, closed),
          // The token travels in the body, never in a URL that logs or Referer could keep.
          body: Type.Object({ holdToken: SecretToken }, closed),
          response: { 204: Type.Null(), ...errorResponses(400, 404, 413, 415) },
        },
      },
      async (request, reply) => {
        await releaseHold(ctx, request.params.org, request.body.holdToken, publicActor(request));
        return reply.status(204).send(null);
      },
    );
  };
}
