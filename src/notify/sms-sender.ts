import { DeliveryError, isLoopbackHost } from './delivery-error.js';

export interface SmsToSend {
  /** E.164, e.g. +4930123456. */
  to: string;
  body: string;
  idempotencyKey: string;
}

export interface SmsSender {
  readonly kind: 'http' | 'dev-outbox';
  send(sms: SmsToSend): Promise<{ providerRef: string | null }>;
}

export class DevOutboxSmsSender implements SmsSender {
  readonly kind = 'dev-outbox' as const;
  async send(): Promise<{ providerRef: string | null }> {
    return { providerRef: 'dev-outbox' };
  }
}

export interface HttpSmsSettings {
  /** The provider's "create message" URL, e.g. https://api.twilio.com/2010-04-01/Accounts/AC.../Messages.json */
  url: string;
  username: string;
  password: string;
  from: string;
}

/**
 * The common Twilio-style API: a form POST of To, From and Body with basic authentication,
 * answered by JSON with the message's `sid`. HTTPS is required except on loopback.
 */
export class HttpSmsSender implements SmsSender {
  readonly kind = 'http' as const;

  constructor(
    private readonly settings: HttpSmsSettings,
    private readonly fetchFn: typeof fetch = fetch,
  ) {
    const url = new URL(settings.url);
    if (url.protocol !== 'https:' && !isLoopbackHost(url.hostname)) throw new Error('SMS_URL must be https');
  }

  async send(sms: SmsToSend): Promise<{ providerRef: string | null }> {
    const auth = Buffer.from(`${this.settings.username}:${this.settings.password}`).toString('base64');
    let response: Response;
    try {
      response = await this.fetchFn(this.settings.url, {
        method: 'POST',
        headers: {
          authorization: `Basic ${auth}`,
          'content-type': 'application/x-www-form-urlencoded',
          'idempotency-key': sms.idempotencyKey,
        },
        body: new URLSearchParams({ To: sms.to, From: this.settings.from, Body: sms.body }).toString(),
        redirect: 'error',
        signal: AbortSignal.timeout(15_000),
      });
    } catch (e) {
      throw new DeliveryError(e instanceof Error && e.name === 'TimeoutError' ? 'sms_timeout' : 'sms_connection', true);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new DeliveryError(`sms_http_${response.status}`, response.status === 429 || response.status >= 500);
    }
    const body = (await response.json()) as { sid?: unknown };
    return { providerRef: typeof body.sid === 'string' ? body.sid : null };
  }
}
