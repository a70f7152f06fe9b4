/** How often and how far apart a failed message is tried again before it becomes a dead letter. */
export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts for transient failures (4xx SMTP, timeouts, 5xx HTTP). */
  maxAttempts: number;
  /** Attempts for permanent ones (5xx SMTP, refused destinations): a fixed setup may still succeed. */
  maxPermanentAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  maxAttempts: 8,
  maxPermanentAttempts: 3,
};

/**
 * Exponential backoff with jitter: base * 2^(attempt-1), capped, then a random 50-100% of it,
 * so messages that failed together (a mail server restart) do not all come back together.
 */
export function retryDelay(policy: RetryPolicy, attempt: number, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.5 + 0.5 * random()));
}

export function givesUp(policy: RetryPolicy, attempt: number, transient: boolean): boolean {
  return attempt >= (transient ? policy.maxAttempts : policy.maxPermanentAttempts);
}
