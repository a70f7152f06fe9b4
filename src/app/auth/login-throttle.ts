import {
  HARD_STOP_FAILURES,
  type ThrottleScope,
  type ThrottleState,
  afterFailure,
  current,
  waitMs,
} from '../../security/auth/throttle-policy.js';
import type { Repositories } from '../ports.js';

export type ThrottleStates = Record<ThrottleScope, ThrottleState>;

export interface LoginThrottle {
  keys: Record<ThrottleScope, string>;
  states: ThrottleStates;
}

const SCOPES: readonly ThrottleScope[] = ['account_ip', 'ip', 'account'];

/**
 * The counters for one attempt. `accountKey` is the email's blind index, so an unknown email
 * is throttled exactly like a known one. Call inside a write.
 */
export async function loadThrottle(repos: Repositories, accountKey: string, ip: string | null, now: number): Promise<LoginThrottle> {
  const t = repos.accounts.throttles;
  const where = ip ?? 'unknown';
  const keys = {
    account_ip: await t.keyFor(`account_ip:${accountKey}:${where}`),
    ip: await t.keyFor(`ip:${where}`),
    account: await t.keyFor(`account:${accountKey}`),
  };
  const states = {} as ThrottleStates;
  for (const scope of SCOPES) states[scope] = current(scope, await t.find(keys[scope]), now);
  return { keys, states };
}

/** Milliseconds the caller must wait before this attempt may be checked at all. */
export function throttleWait(t: LoginThrottle, now: number): number {
  return Math.max(waitMs(t.states.account_ip, now), waitMs(t.states.ip, now));
}

/** At 100 consecutive failures the account takes no more password-only sign-ins. */
export const hardStopped = (t: LoginThrottle): boolean => t.states.account.failures >= HARD_STOP_FAILURES;

/** This address has no recent failures at all: a real user's clean device. */
export const cleanAddress = (t: LoginThrottle): boolean => t.states.account_ip.failures === 0 && t.states.ip.failures === 0;

export async function recordLoginFailure(repos: Repositories, t: LoginThrottle, now: number): Promise<void> {
  for (const scope of SCOPES) await repos.accounts.throttles.save(t.keys[scope], afterFailure(scope, t.states[scope], now));
}

/** A full sign-in clears the account's counters (the address's count across accounts stays). */
export async function recordLoginSuccess(repos: Repositories, t: LoginThrottle): Promise<void> {
  await repos.accounts.throttles.clear(t.keys.account_ip);
  await repos.accounts.throttles.clear(t.keys.account);
}
