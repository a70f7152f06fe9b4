import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError, type ErrorCode, type ErrorDetail, RateLimitedError } from '../domain/errors.js';

/** The one place error codes become HTTP statuses. */
const STATUS: Record<ErrorCode, number> = {
  invalid_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  invalid_api_key: 401,
  reauth_required: 401,
  mfa_required: 401,
  forbidden: 403,
  not_found: 404,
  slot_unavailable: 409,
  conflict: 409,
  idempotency_conflict: 409,
  booking_not_modifiable: 409,
  cutoff_passed: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  policy_violation: 422,
  weak_password: 422,
  rate_limited: 429,
};

export interface ErrorBody {
  error: { code: string; message: string; details?: ErrorDetail[] };
}

function body(code: string, message: string, details?: ErrorDetail[]): ErrorBody {
  return { error: details && details.length > 0 ? { code, message, details } : { code, message } };
}

/** Fastify's own errors (parsing, limits, validation) in our format; 5xx never carry internals. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      if (error instanceof RateLimitedError) reply.header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
      return reply.status(STATUS[error.code]).send(body(error.code, error.message, error.details));
    }
    if (error.validation) {
      const details = error.validation.map((v) => ({
        path: `${error.validationContext ?? 'body'}${v.instancePath.replace(/\//g, '.')}`,
        message:
          v.keyword === 'additionalProperties'
            ? `unknown field "${String((v.params as { additionalProperty?: string }).additionalProperty)}"`
            : (v.message ?? 'is invalid'),
      }));
      return reply.status(400).send(body('invalid_request', 'The request has invalid fields', details));
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return reply.status(413).send(body('payload_too_large', 'The request body is too large'));
    if (status === 415) return reply.status(415).send(body('unsupported_media_type', 'Send JSON (application/json)'));
    if (status === 429) return reply.status(429).send(body('rate_limited', 'Too many requests; try again later'));
    if (status >= 400 && status < 500) {
      return reply.status(400).send(body('invalid_request', status === 400 ? 'The request could not be read' : error.message));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(body('internal_error', 'Something went wrong on our side; please try again'));
  });

  app.setNotFoundHandler((_request, reply) => {
    reply.status(404).send(body('not_found', 'No such resource'));
  });
}
