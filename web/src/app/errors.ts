import { ApiError } from './api';

/** Refusals with their own message in app.*.json (errors.<code>); anything else gets a general one. */
export const EXPLAINED_ERRORS = [
  'invalid_credentials',
  'rate_limited',
  'network_error',
  'forbidden',
  'not_found',
  'reauth_required',
  'weak_password',
  'invalid_request',
  'conflict',
  'policy_violation',
  'mfa_required',
  'unauthenticated',
] as const;

const KNOWN: ReadonlySet<string> = new Set(EXPLAINED_ERRORS);

/** The translation key (with its namespace) for a failed call: `app:errors.rate_limited`, ... */
export function errorKey(error: unknown): string {
  if (error instanceof ApiError && KNOWN.has(error.code)) return `app:errors.${error.code}`;
  return 'app:errors.unknown';
}

/** The server's own bilingual reason (a weak password's, say), when it sent one. */
export function errorReason(error: unknown, language: string): string | null {
  if (!(error instanceof ApiError)) return null;
  const details = error.details as { message: string; i18n?: { en: string; 'zh-CN': string } }[];
  const detail = details.find((d) => d.i18n) ?? details[0];
  if (!detail?.i18n) return detail?.message ?? null;
  return language.startsWith('zh') ? detail.i18n['zh-CN'] : detail.i18n.en;
}
