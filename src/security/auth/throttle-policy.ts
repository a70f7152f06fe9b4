import { MS_PER_HOUR, MS_PER_MINUTE } from '../../domain/time/units.js';

/**
 * Sign-in throttles (ASVS 6.3.1, NIST 800-63B-4 3.2.2). Three counters:
 *  - account+IP: one person (or one attacker) guessing one account from one address;
 *  - IP: one address trying many accounts (credential stuffing);
 *  - account: consecutive failures from anywhere, with a hard stop at 100.
 * Delays grow with each failure past a free allowance; an idle counter is forgotten after
 * its window, except the account's, which only a success or a password reset clears.
 */
export type ThrottleScope = 'account_ip' | 'ip' | 'account';

export interface ThrottleState {
  failures: number;
  lastFailureAt: number;
  blockedUntil: number;
}

export const HARD_STOP_FAILURES = 100;

interface Rule {
  free: number;
  /** Failures per doubling of the delay. */
  doublingEvery: number;
  maxDelayMs: number;
  forgetAfterMs: number | null;
}

const RULES: Record<ThrottleScope, Rule> = {
  account_ip: { free: 5, doublingEvery: 1, maxDelayMs: 15 * MS_PER_MINUTE, forgetAfterMs: 24 * MS_PER_HOUR },
  // Forgotten only after a day: longer than the longest wait, so waiting never resets the count.
  ip: { free: 20, doublingEvery: 4, maxDelayMs: MS_PER_HOUR, forgetAfterMs: 24 * MS_PER_HOUR },
  account: { free: Number.POSITIVE_INFINITY, doublingEvery: 1, maxDelayMs: 0, forgetAfterMs: null },
};

export const EMPTY_STATE: ThrottleState = { failures: 0, lastFailureAt: 0, blockedUntil: 0 };

/** The state as it stands now: a counter idle for longer than its window starts over. */
export function current(scope: ThrottleScope, state: ThrottleState | null, now: number): ThrottleState {
  if (!state) return EMPTY_STATE;
  const forget = RULES[scope].forgetAfterMs;
  return forget !== null && now - state.lastFailureAt > forget ? EMPTY_STATE : state;
}

/** How long to wait after `failures` failures: nothing within the allowance, then 1 s doubling. */
export function delayAfter(scope: ThrottleScope, failures: number): number {
  const rule = RULES[scope];
  if (failures < rule.free) return 0;
  const doublings = Math.floor((failures - rule.free) / rule.doublingEvery);
  return Math.min(1000 * 2 ** Math.min(doublings, 30), rule.maxDelayMs);
}

export function afterFailure(scope: ThrottleScope, state: ThrottleState | null, now: number): ThrottleState {
  const failures = current(scope, state, now).failures + 1;
  return { failures, lastFailureAt: now, blockedUntil: now + delayAfter(scope, failures) };
}

/** Milliseconds until another attempt is allowed (0: now). */
export function waitMs(state: ThrottleState, now: number): number {
  return Math.max(0, state.blockedUntil - now);
}
