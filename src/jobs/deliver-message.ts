import type { ClaimedMessage, DeliveryOutcome } from '../app/notifications/delivery-port.js';
import type { UnitOfWork } from '../app/ports.js';
import type { EmailTransport } from '../notify/email-transport.js';
import type { SmsSender } from '../notify/sms-sender.js';
import { type RenderContext, UnsafeLinkError, renderMessage } from '../notify/templates/render-message.js';
import type { WebhookSender } from './webhooks/webhook-sender.js';

export interface Deliverers {
  email: EmailTransport;
  sms: SmsSender;
  webhooks: WebhookSender;
  render: RenderContext;
  uow: UnitOfWork;
}

/** `sent` or `skipped`; a DeliveryError when the hand-over failed (the worker decides on retries). */
export async function deliverMessage(m: ClaimedMessage, d: Deliverers, now: number): Promise<DeliveryOutcome> {
  if (m.personal === null) return { kind: 'skipped', code: 'recipient_erased' };
  const timed = m.template === 'booking.reminder' || m.template === 'booking.follow_up';
  if (timed && !(await stillDue(m, d.uow))) return { kind: 'skipped', code: 'obsolete' };
  const { to, secret } = m.personal;
  if (m.channel === 'webhook') return deliverWebhook(m, to, d, now);
  let rendered: ReturnType<typeof renderMessage>;
  try {
    rendered = renderMessage({ id: m.id, template: m.template, locale: m.locale, data: m.data, to, secret }, d.render);
  } catch (e) {
    if (e instanceof UnsafeLinkError) return { kind: 'dead', code: 'unsafe_link' };
    throw e;
  }
  if (m.channel === 'sms') {
    const sent = await d.sms.send({ to, body: rendered.sms, idempotencyKey: m.idempotencyKey });
    return { kind: 'sent', providerRef: sent.providerRef };
  }
  const host = new URL(d.render.publicUrl).hostname;
  const sent = await d.email.send({
    messageId: `<${m.id}@${host}>`,
    to,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    attachments: rendered.attachments,
  });
  return { kind: 'sent', providerRef: sent.providerRef };
}

/** Belt and braces: a reminder or follow-up goes out only for a booking still confirmed at the time it was written for. */
async function stillDue(m: ClaimedMessage, uow: UnitOfWork): Promise<boolean> {
  if (!m.bookingId) return false;
  const booking = await uow.read((r) => r.bookings.findById(m.orgId, m.bookingId as string));
  return booking !== null && booking.status === 'confirmed' && booking.start === m.data.start;
}

async function deliverWebhook(m: ClaimedMessage, endpointId: string, d: Deliverers, now: number): Promise<DeliveryOutcome> {
  const { endpoint, settings } = await d.uow.read(async (r) => ({
    endpoint: await r.webhooks.find(m.orgId, endpointId),
    settings: await r.notifications.settings(m.orgId),
  }));
  if (!endpoint || !endpoint.active) return { kind: 'skipped', code: 'endpoint_inactive' };
  const { event, ...payload } = m.data;
  const body = JSON.stringify({ id: m.id, type: event, createdAt: new Date(m.createdAt).toISOString(), data: payload });
  const sent = await d.webhooks.send({
    url: endpoint.url,
    secret: endpoint.secret,
    event: String(event),
    deliveryId: m.id,
    body,
    timestampSeconds: Math.floor(now / 1000),
    allowedHosts: settings.webhookAllowedHosts,
  });
  return { kind: 'sent', providerRef: sent.providerRef };
}
