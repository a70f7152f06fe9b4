import type { Attachment } from './templates/render-message.js';

export interface EmailToSend {
  /** Stable per message (`<id@host>`): a receiver can tell a repeated delivery from a new one. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: Attachment[];
}

/** Where email goes: an SMTP server, or the development outbox when none is configured. */
export interface EmailTransport {
  readonly kind: 'smtp' | 'dev-outbox';
  send(message: EmailToSend): Promise<{ providerRef: string | null }>;
  close(): void;
}

/** Development default: nothing leaves the machine; `slotguard outbox show` renders the message. */
export class DevOutboxEmailTransport implements EmailTransport {
  readonly kind = 'dev-outbox' as const;
  async send(): Promise<{ providerRef: string | null }> {
    return { providerRef: 'dev-outbox' };
  }
  close(): void {}
}
