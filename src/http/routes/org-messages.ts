import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { OutboxEntry } from '../../app/notifications/delivery-port.js';
import { createOrgWebhook, listOrgWebhooks, removeOrgWebhook } from '../../app/notifications/manage-webhooks.js';
import { WEBHOOK_EVENTS, type WebhookEndpoint } from '../../app/notifications/notification-ports.js';
import { listOrgOutbox, listWebhookDeliveries, retryOrgMessage, showOrgMessage } from '../../app/notifications/outbox-admin.js';
import type { OutboxQueue } from '../../app/notifications/delivery-port.js';
import { getOrgNotificationSettings, updateOrgNotificationSettings } from '../../app/notifications/update-notification-settings.js';
import type { AppContext } from '../../app/ports.js';
import { previewMessage } from '../../notify/templates/preview-message.js';
import { Id, closed, errorResponses } from '../schemas.js';

const STATUSES = ['pending', 'sending', 'sent', 'dead', 'cancelled'] as const;
const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
// Null first: with type coercion on, a null would otherwise become 0 or "".
const Nullable = <T extends TSchema>(t: T) => Type.Union([Type.Null(), t]);

/** What a message's list entry and its detail both show. */
const entryFields = {
  id: Type.String(),
  channel: Type.String(),
  template: Type.String(),
  locale: Type.String(),
  bookingId: Nullable(Type.String()),
  status: Type.String(),
  attempts: Type.Integer(),
};
const Entry = Type.Object({
  ...entryFields,
  availableAt: Type.String(),
  lastError: Nullable(Type.String()),
  createdAt: Type.String(),
  finishedAt: Nullable(Type.String()),
});
const Page = Type.Object({ messages: Type.Array(Entry), nextCursor: Nullable(Type.String()) });
const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
};
const Attempt = Type.Object({ at: Type.String(), outcome: Type.String(), code: Nullable(Type.String()), durationMs: Type.Integer() });
const Detail = Type.Object({
  message: Type.Object({
    ...entryFields,
    createdAt: Type.String(),
  }),
  attempts: Type.Array(Attempt),
  rendered: Nullable(
    Type.Object({ to: Type.String(), subject: Nullable(Type.String()), text: Type.String(), attachments: Type.Array(Type.String()) }),
  ),
});
const Minutes = Type.Integer({ minimum: 0, maximum: 30 * 24 * 60 });
const SettingsFields = {
  reminderOffsetsMin: Type.Array(Type.Integer({ minimum: 1, maximum: 30 * 24 * 60 }), { maxItems: 5 }),
  quietHours: Nullable(Type.Object({ startMin: Type.Integer({ minimum: 0, maximum: 1439 }), endMin: Type.Integer({ minimum: 0, maximum: 1439 }) }, closed)),
  followUpAfterMin: Nullable(Minutes),
  includeNotesInMessages: Type.Boolean(),
  calendarFeedFullNames: Type.Boolean(),
  webhookAllowedHosts: Type.Array(Type.String({ minLength: 1, maxLength: 253 }), { maxItems: 20 }),
};
const Settings = Type.Object(SettingsFields);
const Webhook = Type.Object({ id: Type.String(), url: Type.String(), events: Type.Array(Type.String()), active: Type.Boolean(), createdAt: Type.String() });
const Event = Type.Union(WEBHOOK_EVENTS.map((e) => Type.Literal(e)));

function entryView(e: OutboxEntry) {
  return { ...e, availableAt: iso(e.availableAt), createdAt: iso(e.createdAt), finishedAt: isoOrNull(e.finishedAt) };
}

function webhookView(w: WebhookEndpoint) {
  return { id: w.id, url: w.url, events: w.events, active: w.active, createdAt: iso(w.createdAt) };
}

export interface OrgMessagesOptions {
  queue: OutboxQueue;
  /** The sender address (a calendar file's organizer). */
  fromAddress: string;
}

/**
 * The signed-in organization's messages (outbox, dead letters), message settings and webhooks.
 * Owners and admins change; auditors read. The organization is always the session's.
 */
export function orgMessagesRoutes(ctx: AppContext, options: OrgMessagesOptions): FastifyPluginAsyncTypebox {
  const { queue } = options;
  const render = previewMessage({ publicUrl: ctx.publicUrl, fromAddress: options.fromAddress });
  return async (app) => {
    app.get(
      '/org/outbox',
      {
        schema: {
          tags: ['messages'],
          summary: "My organization's messages, newest first (no personal data; dead letters with status=dead)",
          querystring: Type.Object({ status: Type.Optional(Type.Union(STATUSES.map((s) => Type.Literal(s)))), ...PageQuery }, closed),
          response: { 200: Page, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const page = await listOrgOutbox(ctx, queue, request.auth, request.query);
        return { messages: page.messages.map(entryView), nextCursor: page.nextCursor };
      },
    );

    app.get(
      '/org/outbox/:messageId',
      {
        schema: {
          tags: ['messages'],
          summary: 'One message as its recipient saw it, with its delivery attempts (an audited read of personal data)',
          params: Type.Object({ messageId: Id }, closed),
          response: { 200: Detail, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const d = await showOrgMessage(ctx, queue, request.auth, request.params.messageId, render);
        return { ...d, message: { ...d.message, createdAt: iso(d.message.createdAt) }, attempts: d.attempts.map((a) => ({ ...a, at: iso(a.at) })) };
      },
    );

    app.post(
      '/org/outbox/:messageId/retry',
      {
        schema: {
          tags: ['messages'],
          summary: 'Send a dead letter again (after its cause was fixed)',
          params: Type.Object({ messageId: Id }, closed),
          response: { 200: Type.Object({ id: Type.String(), status: Type.Literal('pending') }), ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => retryOrgMessage(ctx, queue, request.auth, request.params.messageId),
    );

    app.get(
      '/org/notification-settings',
      {
        schema: {
          tags: ['messages'],
          summary: 'Reminders, quiet hours, follow-up, message contents, calendar feeds, webhook hosts',
          response: { 200: Settings, ...errorResponses(401, 403) },
        },
      },
      async (request) => getOrgNotificationSettings(ctx, request.auth),
    );

    app.put(
      '/org/notification-settings',
      {
        schema: {
          tags: ['messages'],
          summary: 'Change message settings; fields left out keep their value',
          body: Type.Partial(Type.Object(SettingsFields), closed),
          response: { 200: Settings, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => updateOrgNotificationSettings(ctx, request.auth, request.body),
    );

    app.get(
      '/org/webhooks',
      {
        schema: {
          tags: ['messages'],
          summary: "My organization's webhook endpoints (secrets are never shown again)",
          response: { 200: Type.Object({ webhooks: Type.Array(Webhook) }), ...errorResponses(401, 403) },
        },
      },
      async (request) => ({ webhooks: (await listOrgWebhooks(ctx, request.auth)).map(webhookView) }),
    );

    app.post(
      '/org/webhooks',
      {
        schema: {
          tags: ['messages'],
          summary: 'Register an https endpoint for events; answers its signing secret once',
          body: Type.Object({ url: Type.String({ minLength: 1, maxLength: 2000 }), events: Type.Array(Event, { minItems: 1, maxItems: WEBHOOK_EVENTS.length }) }, closed),
          response: { 201: Type.Object({ webhook: Webhook, secret: Type.String() }), ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const created = await createOrgWebhook(ctx, request.auth, request.body);
        reply.code(201);
        return { webhook: webhookView(created.endpoint), secret: created.secret };
      },
    );

    app.delete(
      '/org/webhooks/:webhookId',
      {
        schema: {
          tags: ['messages'],
          summary: 'Stop deliveries to an endpoint (its delivery log stays)',
          params: Type.Object({ webhookId: Id }, closed),
          response: { 200: Type.Object({ id: Type.String(), active: Type.Literal(false) }), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => removeOrgWebhook(ctx, request.auth, request.params.webhookId),
    );

    app.get(
      '/org/webhooks/:webhookId/deliveries',
      {
        schema: {
          tags: ['messages'],
          summary: 'Deliveries to one endpoint, newest first, with their status and last error',
          params: Type.Object({ webhookId: Id }, closed),
          querystring: Type.Object(PageQuery, closed),
          response: { 200: Page, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const page = await listWebhookDeliveries(ctx, queue, request.auth, request.params.webhookId, request.query);
        return { messages: page.messages.map(entryView), nextCursor: page.nextCursor };
      },
    );
  };
}
