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
  | 'policy_violation';

export interface ErrorDetail {
  path?: string;
  message: string;
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
