/**
 * A failed hand-over to a mail server, SMS provider or webhook endpoint. `transient` failures
 * (4xx SMTP replies, timeouts, 429/5xx HTTP) are retried with backoff; permanent ones (5xx SMTP
 * replies, refused destinations) only a few times before the message is a dead letter.
 * `final` ones (a destination refused by the SSRF guard) are dead letters at once.
 * `code` is a machine reason for the delivery log: never personal data.
 */
export class DeliveryError extends Error {
  constructor(
    readonly code: string,
    readonly transient: boolean,
    readonly final = false,
  ) {
    super(`delivery failed: ${code}`);
    this.name = 'DeliveryError';
  }
}

/** True for loopback host names and addresses (local test and development servers). */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
