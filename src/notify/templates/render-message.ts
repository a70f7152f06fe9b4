import type { PublicData, TemplateName } from '../../app/notifications/outbox-port.js';
import type { Locale } from '../../domain/model.js';
import { bookingIcs } from '../ics/booking-ics.js';
import type { Copy, CopyValues, CustomerTemplate } from './copy.js';
import { EN } from './copy-en.js';
import { ZH } from './copy-zh.js';
import { escapeHtml } from './escape-html.js';
import { formatWhen } from './format-when.js';

export interface RenderContext {
  /** Every link in a message points here (PUBLIC_URL). */
  publicUrl: string;
  /** The sender address, also the calendar event's organizer. */
  fromAddress: string;
}

export interface MessageToRender {
  id: string;
  template: TemplateName;
  locale: Locale;
  data: PublicData;
  to: string;
  secret: Record<string, string>;
}

export interface Attachment {
  filename: string;
  content: string;
  contentType: string;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  sms: string;
  attachments: Attachment[];
}

const COPY: Record<Locale, Copy> = { en: EN, 'zh-CN': ZH };

export class UnsafeLinkError extends Error {
  constructor() {
    super('A message link points outside the public URL');
    this.name = 'UnsafeLinkError';
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Plain text and HTML (every value escaped), an SMS form, and the calendar file when there is one. */
export function renderMessage(m: MessageToRender, ctx: RenderContext): RenderedMessage {
  if (m.template === 'webhook') throw new Error('Webhook payloads are not rendered as messages');
  const copy = COPY[m.locale] ?? EN;
  const values = copyValues(m, copy);
  const body = copy.messages[m.template as CustomerTemplate](values);
  const action = body.actionLabel && m.secret.manageUrl ? { label: body.actionLabel, url: safeLink(m.secret.manageUrl, ctx) } : null;
  const reportUrl = `${ctx.publicUrl}/report-suspicious?ref=${encodeURIComponent(m.id)}`;
  const extra: string[] = [];
  if (m.secret.notes) extra.push(`${copy.notesLabel}: ${m.secret.notes}`);
  if (m.secret.antiPhishingPhrase) extra.push(copy.antiPhishingPhrase(m.secret.antiPhishingPhrase));
  const footer = copy.footer({ org: values.org, host: new URL(ctx.publicUrl).host, reportUrl });
  const paragraphs = [...body.paragraphs, ...extra];

  const text = [
    body.greeting,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    ...(action ? [`${action.label}: ${action.url}`, ''] : []),
    '--',
    ...footer,
    `${copy.reportLabel}: ${reportUrl}`,
    '',
  ].join('\n');

  const p = (s: string, style = '') => `<p style="margin:0 0 12px${style}">${escapeHtml(s).replace(/\n/g, '<br>')}</p>`;
  const html = [
    '<!doctype html>',
    `<html lang="${m.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`,
    `<title>${escapeHtml(body.subject)}</title></head>`,
    '<body style="margin:0;padding:16px;font-family:system-ui,-apple-system,sans-serif;font-size:16px;line-height:1.5;color:#111">',
    '<div style="max-width:480px;margin:0 auto">',
    p(values.org, ';font-weight:600'),
    p(body.greeting),
    ...paragraphs.map((s) => p(s)),
    action
      ? `<p style="margin:16px 0"><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 16px;background:#1f4fd1;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>`
      : '',
    '<hr style="border:none;border-top:1px solid #ddd;margin:16px 0">',
    ...footer.map((s) => p(s, ';font-size:13px;color:#555')),
    `<p style="margin:0;font-size:13px"><a href="${escapeHtml(reportUrl)}" style="color:#555">${escapeHtml(copy.reportLabel)}</a></p>`,
    '</div></body></html>',
  ].join('\n');

  return { subject: body.subject, text, html, sms: body.sms, attachments: calendarFile(m, values, ctx) };
}

function copyValues(m: MessageToRender, copy: Copy): CopyValues {
  const zone = str(m.data.timeZone) || 'UTC';
  const start = num(m.data.start);
  const previous = num(m.data.previousStart);
  const purpose = str(m.data.purpose);
  return {
    org: str(m.data.orgName),
    service: str(m.data.serviceName),
    staff: str(m.data.staffName),
    when: start === null ? '' : formatWhen(m.locale, zone, start, num(m.data.end)),
    previousWhen: previous === null ? '' : formatWhen(m.locale, zone, previous, num(m.data.previousEnd)),
    name: m.secret.name ?? '',
    code: m.secret.code ?? '',
    purpose: copy.purposes[purpose] ?? copy.purposes.mfa ?? purpose,
    minutes: str(m.data.minutes),
    notice: m.secret.notice ?? '',
  };
}

function safeLink(url: string, ctx: RenderContext): string {
  if (!url.startsWith(`${ctx.publicUrl}/`)) throw new UnsafeLinkError();
  return url;
}

function calendarFile(m: MessageToRender, v: CopyValues, ctx: RenderContext): Attachment[] {
  const method = m.data.ics;
  const start = num(m.data.start);
  const end = num(m.data.end);
  if ((method !== 'request' && method !== 'cancel') || start === null || end === null) return [];
  const content = bookingIcs({
    uid: `${str(m.data.bookingId)}@${new URL(ctx.publicUrl).host}`,
    sequence: num(m.data.sequence) ?? 0,
    start,
    end,
    stamp: num(m.data.stamp) ?? start,
    summary: `${v.service} – ${v.org}`,
    description: v.staff ? `${v.service}, ${v.staff}` : v.service,
    organizer: { name: v.org, email: ctx.fromAddress },
    attendee: m.to.includes('@') ? { name: v.name, email: m.to } : null,
    url: null,
    cancelled: method === 'cancel',
  });
  const name = method === 'cancel' ? 'cancel.ics' : 'invite.ics';
  return [{ filename: name, content, contentType: `text/calendar; charset=utf-8; method=${method.toUpperCase()}` }];
}
