import { describe, expect, it } from 'vitest';
import { afterFailure, current, delayAfter, waitMs } from './throttle-policy.js';

describe('sign-in throttle policy', () => {
  it('lets five guesses at one account from one address through, then doubles the wait up to 15 minutes', () => {
    expect([1, 2, 3, 4].map((n) => delayAfter('account_ip', n))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map((n) => delayAfter('account_ip', n))).toEqual([1000, 2000, 4000, 8000]);
    expect(delayAfter('account_ip', 40)).toBe(15 * 60_000);
  });

  it('slows one address trying many accounts after 20 failures, doubling every 4', () => {
    expect(delayAfter('ip', 19)).toBe(0);
    expect(delayAfter('ip', 20)).toBe(1000);
    expect(delayAfter('ip', 24)).toBe(2000);
    expect(delayAfter('ip', 500)).toBe(3_600_000);
  });

  it('forgets an idle address after a day (longer than its longest wait) but never an account count', () => {
    const t0 = 1_000_000;
    let ip = afterFailure('ip', null, t0);
    ip = afterFailure('ip', ip, t0 + 1000);
    expect(current('ip', ip, t0 + 1000 + 3_600_001).failures).toBe(2);
    expect(current('ip', ip, t0 + 1000 + 86_400_001).failures).toBe(0);
    const account = { failures: 99, lastFailureAt: t0, blockedUntil: t0 };
    expect(current('account', account, t0 + 365 * 86_400_000).failures).toBe(99);
    expect(waitMs(afterFailure('account_ip', { failures: 5, lastFailureAt: t0, blockedUntil: t0 }, t0), t0)).toBe(2000);
  });
});
