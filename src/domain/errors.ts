/** Stable error codes: the wire contract for clients (see architecture.md, HTTP conventions). */
export type ErrorCode =
  | 'invalid_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'slot_unavailable'
  | 'conflict'
  | 'idempotency_conflict'
  | 'booking_not_modifiable'
  | 'cutoff_passed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'policy_violation'
  | 'invalid_credentials'
  | 'invalid_api_key'
  | 'weak_password'
  | 'reauth_required'
  | 'mfa_required';

export interface ErrorDetail {
  path?: string;
  message: string;
  /** A stable machine reason for this detail (e.g. `common_password`). */
  reason?: string;
  /** The message in each supported language, when the client should show it as is. */
  i18n?: { en: string; 'zh-CN': string };
}

/** A failure the caller can act on; one place (http/error-handler.ts) maps `code` to a status. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export const invalidRequest = (message: string, details?: ErrorDetail[]) =>
  new DomainError('invalid_request', message, details);
export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
export const slotUnavailable = (message = 'That time is no longer available') =>
  new DomainError('slot_unavailable', message);
export const conflict = (message: string) => new DomainError('conflict', message);

/** Too many attempts: the caller may try again after `retryAfterSeconds` (sent as Retry-After). */
export class RateLimitedError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many attempts; try again later',
  ) {
    super('rate_limited', message);
    this.name = 'RateLimitedError';
  }
}
