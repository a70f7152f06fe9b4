import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { DeliveryError, isLoopbackHost } from './delivery-error.js';
import type { EmailToSend, EmailTransport } from './email-transport.js';

export interface SmtpSettings {
  /** `smtp://user:pass@host:587` (STARTTLS) or `smtps://user:pass@host:465` (TLS). */
  url: string;
  /** `"Shop bookings" <bookings@shop.example>` or a bare address. */
  from: string;
  dkim?: { domainName: string; keySelector: string; privateKey: string } | null;
  /** Parallel SMTP connections. */
  maxConnections?: number;
}

/**
 * SMTP through nodemailer. Any host other than loopback must speak TLS: `smtps://`, or
 * `smtp://` with a mandatory STARTTLS upgrade (`requireTLS`), and a valid certificate.
 */
export class SmtpEmailTransport implements EmailTransport {
  readonly kind = 'smtp' as const;
  private readonly transporter: Transporter<SMTPTransport.SentMessageInfo>;

  constructor(private readonly settings: SmtpSettings) {
    this.transporter = nodemailer.createTransport(smtpOptions(settings));
  }

  async send(m: EmailToSend): Promise<{ providerRef: string | null }> {
    try {
      const info = await this.transporter.sendMail({
        from: this.settings.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId,
        attachments: m.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
        // Calendar clients act on the invitation; auto-responders stay quiet.
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
      });
      return { providerRef: info.messageId ?? null };
    } catch (e) {
      throw classifySmtpError(e);
    }
  }

  close(): void {
    this.transporter.close();
  }
}

type PoolOptions = SMTPTransport.Options & { pool: true; maxConnections: number };

/** Connection options: TLS (or a mandatory STARTTLS upgrade) with certificate checks off loopback. */
export function smtpOptions(settings: SmtpSettings): PoolOptions {
  const url = new URL(settings.url);
  const loopback = isLoopbackHost(url.hostname);
  const secure = url.protocol === 'smtps:';
  return {
    pool: true,
    maxConnections: settings.maxConnections ?? 4,
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS: !secure && !loopback,
    ignoreTLS: loopback && !secure,
    tls: { minVersion: 'TLSv1.2', rejectUnauthorized: !loopback },
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    dkim: settings.dkim ?? undefined,
  };
}

/** 4xx replies and connection trouble are worth retrying; 5xx replies are permanent. */
export function classifySmtpError(e: unknown): DeliveryError {
  const responseCode = typeof e === 'object' && e !== null && 'responseCode' in e ? Number(e.responseCode) : Number.NaN;
  if (responseCode >= 500 && responseCode < 600) return new DeliveryError(`smtp_${responseCode}`, false);
  if (responseCode >= 400 && responseCode < 500) return new DeliveryError(`smtp_${responseCode}`, true);
  const code = typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : 'unknown';
  return new DeliveryError(`smtp_${code.toLowerCase()}`, true);
}
