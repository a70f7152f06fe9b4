import { DomainError, RateLimitedError, invalidRequest } from '../../domain/errors.js';
import { newId } from '../../security/ids.js';
import {
  ONE_TIME_CODE_MAX_FAILURES,
  ONE_TIME_CODE_MAX_SENDS,
  ONE_TIME_CODE_TTL_MS,
  hashOneTimeCode,
  newOneTimeCode,
} from '../../security/mfa/one-time-code.js';
import type { Repositories } from '../ports.js';
import type { User } from './account-model.js';
import { phraseOf } from './anti-phishing-secret.js';
import { messageOrgOf } from './mfa-methods.js';

/** What a code is tied to: a pending sign-in or a session (hash as stored, secret as held). */
export interface CodeBinding {
  hash: string;
  secret: string;
}

export type CodeChannel = 'email' | 'sms';
export type CodePurpose = 'sign_in' | 'mfa';

/**
 * Sends a one-time code through the outbox, in the caller's transaction. At most three per
 * binding: a resend never resets the failures, and a flood of texts costs nobody money.
 */
export async function sendOneTimeCode(
  repos: Repositories,
  user: User,
  channel: CodeChannel,
  binding: CodeBinding,
  purpose: CodePurpose,
  now: number,
): Promise<void> {
  if ((await repos.accounts.oneTimeCodes.countFor(binding.hash)) >= ONE_TIME_CODE_MAX_SENDS) {
    throw new RateLimitedError(ONE_TIME_CODE_TTL_MS / 1000, 'Too many codes sent; sign in again or use another factor');
  }
  const to = channel === 'email' ? user.email : user.phone;
  if (!to) throw invalidRequest('No phone number on this account', [{ path: 'method', message: 'add a phone number first' }]);
  const org = await messageOrgOf(repos, user.id);
  if (!org) throw new DomainError('forbidden', 'This account belongs to no organization');
  const code = newOneTimeCode();
  const id = newId(now);
  await repos.accounts.oneTimeCodes.insert({
    id,
    userId: user.id,
    boundTo: binding.hash,
    channel,
    codeHash: hashOneTimeCode(binding.secret, code),
    failures: 0,
    createdAt: now,
    expiresAt: now + ONE_TIME_CODE_TTL_MS,
    usedAt: null,
  });
  await repos.outbox.enqueue({
    orgId: org.id,
    channel,
    template: 'security.code',
    locale: user.locale,
    idempotencyKey: `security.code:${id}`,
    owner: { type: 'user', id: user.id },
    to,
    data: { orgName: org.name, purpose, minutes: ONE_TIME_CODE_TTL_MS / 60_000 },
    secret: { code, name: user.name, ...(await phraseOf(repos, user.id)) },
  });
}

/** True once for the latest unexpired code sent on this channel for this binding. */
export async function checkOneTimeCode(repos: Repositories, channel: CodeChannel, binding: CodeBinding, code: string, now: number): Promise<boolean> {
  const sent = await repos.accounts.oneTimeCodes.latest(binding.hash, channel);
  if (!sent || sent.usedAt !== null || sent.expiresAt <= now || sent.failures >= ONE_TIME_CODE_MAX_FAILURES) return false;
  if (sent.codeHash !== hashOneTimeCode(binding.secret, code)) {
    await repos.accounts.oneTimeCodes.recordFailure(sent.id);
    return false;
  }
  return repos.accounts.oneTimeCodes.markUsed(sent.id, now);
}
