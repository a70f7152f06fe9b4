import type { RenderMessage } from '../../app/notifications/outbox-admin.js';
import { type RenderContext, renderMessage } from './render-message.js';

/** A message as its recipient saw it, for the admin views: the text form and attachment names. */
export function previewMessage(ctx: RenderContext): RenderMessage {
  return (m, personal) => {
    if (m.channel === 'webhook') return { to: personal.to, subject: null, text: JSON.stringify(m.data, null, 2), attachments: [] };
    const r = renderMessage({ id: m.id, template: m.template, locale: m.locale, data: m.data, to: personal.to, secret: personal.secret }, ctx);
    if (m.channel === 'sms') return { to: personal.to, subject: null, text: r.sms, attachments: [] };
    return { to: personal.to, subject: r.subject, text: r.text, attachments: r.attachments.map((a) => a.filename) };
  };
}
