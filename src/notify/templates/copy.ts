import type { TemplateName } from '../../app/notifications/outbox-port.js';

/** Values a message shows, already formatted (dates in the customer's zone and language). */
export interface CopyValues {
  org: string;
  service: string;
  staff: string;
  when: string;
  previousWhen: string;
  name: string;
  code: string;
  purpose: string;
  minutes: string;
  notice: string;
}

export interface MessageCopy {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** The one button (and link) of the message, if any. */
  actionLabel: string | null;
  /** Short form for SMS. */
  sms: string;
}

export type CustomerTemplate = Exclude<TemplateName, 'webhook'>;

export interface Copy {
  messages: Record<CustomerTemplate, (v: CopyValues) => MessageCopy>;
  /** "Your sign-in code", "your password reset code", ... */
  purposes: Record<string, string>;
  footer: (v: { org: string; host: string; reportUrl: string }) => string[];
  antiPhishingPhrase: (phrase: string) => string;
  notesLabel: string;
  reportLabel: string;
}
