import { createHmac, timingSafeEqual } from 'node:crypto';

/** Receivers should refuse a signature whose timestamp is further than this from their clock. */
export const WEBHOOK_REPLAY_WINDOW_SECONDS = 300;

/** `v1=` + hex HMAC-SHA-256 over `<timestamp>.<body>` with the endpoint's secret. */
export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8').digest('hex')}`;
}

/** What a receiver does (and what our tests do): recompute, compare in constant time, check the window. */
export function verifyWebhook(secret: string, header: string, timestampSeconds: number, body: string, nowSeconds: number): boolean {
  if (Math.abs(nowSeconds - timestampSeconds) > WEBHOOK_REPLAY_WINDOW_SECONDS) return false;
  const expected = Buffer.from(signWebhook(secret, timestampSeconds, body));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
