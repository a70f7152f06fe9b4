import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { type Adapters, type OutboxService, createOutboxService } from '../../src/jobs/outbox-service.js';
import type { WorkerOptions } from '../../src/jobs/outbox-worker.js';
import type { NotifyConfig } from '../../src/notify/notify-config.js';
import type { TestRuntime } from './databases.js';

export const FROM_ADDRESS = 'bookings@shop.example';

export function notifyConfig(smtpUrl: string | null): NotifyConfig {
  return {
    smtp: smtpUrl ? { url: smtpUrl, dkim: null } : null,
    from: `Shop bookings <${FROM_ADDRESS}>`,
    fromAddress: FROM_ADDRESS,
    sms: null,
    worker: 'off',
  };
}

/** A worker on the test runtime's clock; jitter fixed so retry instants are known. */
export function testOutbox(rt: TestRuntime, smtpUrl: string | null, options: WorkerOptions = {}, adapters: Adapters = {}): OutboxService {
  return createOutboxService(rt, notifyConfig(smtpUrl), { random: () => 1, ...options }, adapters);
}

export interface CalendarEvent {
  method: string;
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  status: string;
  summary: string;
}

/** The mail's calendar attachment, parsed by ical.js (a real calendar parser, not ours). */
export function calendarOf(mail: ParsedMail): CalendarEvent {
  const attachment = mail.attachments.find((a) => a.contentType === 'text/calendar');
  if (!attachment) throw new Error('no text/calendar attachment');
  const calendar = new ICAL.Component(ICAL.parse(attachment.content.toString('utf8')));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  const event = new ICAL.Event(vevent);
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    status: String(vevent.getFirstPropertyValue('status')),
    summary: event.summary,
  };
}
