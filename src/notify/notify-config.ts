import { isLoopbackHost } from './delivery-error.js';

/** Email, SMS and worker settings from the environment (part of config.ts's Config). */
export interface NotifyConfig {
  /** Null: the development outbox (`slotguard outbox list/show`), nothing leaves the machine. */
  readonly smtp: { readonly url: string; readonly dkim: DkimConfig | null } | null;
  /** `"Name" <address>` or an address; its address is also the calendar organizer. */
  readonly from: string;
  readonly fromAddress: string;
  readonly sms: { readonly url: string; readonly username: string; readonly password: string; readonly from: string } | null;
  /** `in-process`: `slotguard start` delivers; `off`: run `slotguard worker` processes instead. */
  readonly worker: 'in-process' | 'off';
}

export interface DkimConfig {
  readonly domainName: string;
  readonly keySelector: string;
  /** Path of the PEM private key (read at start). */
  readonly privateKeyFile: string;
}

type Env = Record<string, string | undefined>;

const ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+$/;

export function parseNotifyConfig(env: Env, publicUrl: string, problems: string[]): NotifyConfig {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\/[^/]+/.test(smtpUrl)) problems.push('SMTP_URL must be smtp://user:pass@host:587 or smtps://user:pass@host:465');

  const host = safeHost(publicUrl);
  const from = env.SMTP_FROM?.trim() || `Slotguard <no-reply@${host}>`;
  const fromAddress = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from;
  if (!ADDRESS.test(fromAddress) || /[\r\n]/.test(from)) problems.push('SMTP_FROM must be an address or "Name <address>"');

  const dkimParts = [env.SMTP_DKIM_DOMAIN, env.SMTP_DKIM_SELECTOR, env.SMTP_DKIM_KEY_FILE];
  const dkimGiven = dkimParts.filter((p) => p?.trim()).length;
  if (dkimGiven > 0 && dkimGiven < 3) problems.push('DKIM needs SMTP_DKIM_DOMAIN, SMTP_DKIM_SELECTOR and SMTP_DKIM_KEY_FILE together');
  const dkim =
    dkimGiven === 3
      ? { domainName: String(env.SMTP_DKIM_DOMAIN), keySelector: String(env.SMTP_DKIM_SELECTOR), privateKeyFile: String(env.SMTP_DKIM_KEY_FILE) }
      : null;

  const sms = parseSms(env, problems);
  const worker = (env.OUTBOX_WORKER ?? 'in-process') as NotifyConfig['worker'];
  if (worker !== 'in-process' && worker !== 'off') problems.push('OUTBOX_WORKER must be in-process or off');

  return Object.freeze({ smtp: smtpUrl ? Object.freeze({ url: smtpUrl, dkim }) : null, from, fromAddress, sms, worker });
}

function parseSms(env: Env, problems: string[]): NotifyConfig['sms'] {
  const url = env.SMS_URL?.trim();
  if (!url) return null;
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    problems.push('SMS_URL must be a URL');
    return null;
  }
  if (parsed.protocol !== 'https:' && !isLoopbackHost(parsed.hostname)) problems.push('SMS_URL must be https');
  const from = env.SMS_FROM?.trim() ?? '';
  if (!/^\+[1-9]\d{6,14}$/.test(from) && !/^[A-Za-z0-9 ]{1,11}$/.test(from)) problems.push('SMS_FROM must be an E.164 number or a sender name');
  const username = env.SMS_USERNAME ?? '';
  const password = env.SMS_PASSWORD ?? '';
  if (!username || !password) problems.push('SMS_USERNAME and SMS_PASSWORD are required with SMS_URL');
  return Object.freeze({ url, username, password, from });
}

/** Problems that stop a process from delivering: production never falls back to the development outbox. */
export function deliveryProblems(notify: NotifyConfig, production: boolean): string[] {
  return production && !notify.smtp ? ['SMTP_URL is required in production to deliver messages (or set OUTBOX_WORKER=off)'] : [];
}

function safeHost(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}
