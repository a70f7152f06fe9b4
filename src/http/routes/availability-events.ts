import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app/ports.js';
import { AvailabilityWatch, DEFAULT_CHECK_EVERY_MS } from '../../app/public/availability-watch.js';
import { DEFAULT_EVENT_STREAM_LIMITS, type EventStreamLimits, EventStreams } from '../event-streams.js';
import { Id, OrgSlug, closed, errorResponses } from '../schemas.js';

export interface LiveAvailabilityOptions extends EventStreamLimits {
  /** How often the watched services' availability versions are read, ms. */
  checkEveryMs: number;
}

export const DEFAULT_LIVE_AVAILABILITY: LiveAvailabilityOptions = { ...DEFAULT_EVENT_STREAM_LIMITS, checkEveryMs: DEFAULT_CHECK_EVERY_MS };

const EVENTS_DESCRIPTION = [
  'A text/event-stream that sends `event: availability` with `data: {"serviceId","version"}` (the version is opaque)',
  'when the stream opens and whenever the free times of the service may have changed: a booking, cancellation, hold,',
  "release or lapsed hold, working hours, days off, the service's rules or its staff. Ask for the slots again on each",
  'event. A comment line comes every 25 s. By default at most 10 streams per client address and 1,000 per server:',
  'beyond that, 429 rate_limited (the booking page then asks for the slots every 20 s instead).',
].join(' ');

/** Server-sent events for the booking page: the slots of a service changed, ask again. */
export function availabilityEventRoutes(ctx: AppContext, options: Partial<LiveAvailabilityOptions> = {}): FastifyPluginAsyncTypebox {
  const settings = { ...DEFAULT_LIVE_AVAILABILITY, ...options };
  return async (app) => {
    const streams = new EventStreams(settings);
    const watch = new AvailabilityWatch(ctx, {
      checkEveryMs: settings.checkEveryMs,
      onError: (error) => app.log.error({ err: error }, 'availability check failed'),
    });
    // Open streams would keep close() waiting: they end first, then the watch stops.
    app.addHook('preClose', async () => streams.closeAll());
    app.addHook('onClose', async () => watch.close());

    app.get(
      '/orgs/:org/services/:serviceId/availability/events',
      {
        schema: {
          tags: ['booking'],
          summary: 'Live availability: an event whenever the free times of a service may have changed',
          description: EVENTS_DESCRIPTION,
          params: Type.Object({ org: OrgSlug, serviceId: Id }, closed),
          response: {
            200: {
              description: 'Server-sent events',
              content: { 'text/event-stream': { schema: Type.String() } },
            },
            ...errorResponses(400, 404, 429),
          },
        },
      },
      async (request, reply) => {
        const stream = streams.admit(request.ip);
        // A client that goes away ends its stream, and with it the subscription and its place.
        reply.raw.once('close', () => stream.discard());
        const { org, serviceId } = request.params;
        try {
          const subscription = await watch.subscribe(org, serviceId, (change) => stream.send('availability', change));
          // Gone while the subscription started: nothing will close it later.
          if (stream.open) stream.body.once('close', () => subscription.stop());
          else subscription.stop();
          stream.send('availability', { serviceId, version: subscription.version });
        } catch (e) {
          stream.discard();
          throw e;
        }
        reply
          .header('content-type', 'text/event-stream')
          .header('cache-control', 'no-store')
          .header('x-accel-buffering', 'no')
          // The connection carries nothing after the stream: closed with it, so that a server
          // shutting down (which ends every stream) is not kept waiting by idle keep-alives.
          .header('connection', 'close');
        // Typed as the schema's text; Fastify pipes a stream as it is (no serializer).
        return reply.send(stream.body as unknown as string);
      },
    );
  };
}
