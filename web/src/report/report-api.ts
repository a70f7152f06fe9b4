import { ApiError } from '../api/client';

/** What a reporter may say they noticed: fixed choices, as the API takes them. */
export const SIGNS = ['asked_for_secret', 'asked_for_payment', 'unexpected_link', 'not_my_booking', 'other'] as const;
export type Sign = (typeof SIGNS)[number];

export interface ReportAnswer {
  received: boolean;
  /** The reference names a message we sent. */
  genuine: boolean;
}

const REF = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The message reference in what the person pasted: the bare reference or the whole report link. */
export function referenceIn(text: string): string | null {
  const trimmed = text.trim();
  if (REF.test(trimmed)) return trimmed.toLowerCase();
  const m = /[?&]ref=([0-9a-fA-F-]{36})/.exec(trimmed);
  return m?.[1] && REF.test(m[1]) ? m[1].toLowerCase() : null;
}

export async function sendReport(body: { ref?: string; what: Sign[]; contactMe: boolean }): Promise<ReportAnswer> {
  let res: Response;
  try {
    res = await fetch('/api/v1/messages/report', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The server could not be reached');
  }
  const json = (await res.json().catch(() => null)) as (ReportAnswer & { error?: { code?: string; message?: string } }) | null;
  if (!res.ok || !json) throw new ApiError(res.status, json?.error?.code ?? 'server_error', json?.error?.message ?? res.statusText);
  return json;
}
