import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream, LoggerOptions } from 'pino';

/** Secrets that may sit in a path are cut out before a URL reaches a log line. */
export function redactUrl(url: string): string {
  return url.replace(/(\/manage\/)[^/?#]+/, '$1[redacted]').replace(/(\/calendar\/)[^/?#]+/, '$1[redacted]');
}

interface RequestLike {
  id: string;
  method: string;
  url: string;
}

/**
 * Log lines carry request ids, routes and outcomes, never personal data or secrets: the
 * request serializer keeps only method, redacted URL and id (no headers, no body), and
 * pino's JSON output escapes CR/LF, so user input cannot forge a line.
 */
export function httpLoggerOptions(
  level: LoggerOptions['level'],
  stream?: DestinationStream,
): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: ['req.headers', 'res.headers', 'err.body', '*.password', '*.email', '*.phone', '*.name', '*.notes'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: RequestLike) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
