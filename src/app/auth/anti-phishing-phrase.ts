import { invalidRequest } from '../../domain/errors.js';
import { audited } from '../audited.js';
import { InputCheck } from '../input-rules.js';
import type { AppContext } from '../ports.js';
import { type AuthContext, actorOf } from './session-model.js';
import { requireRecentAuth } from './step-up.js';

export interface AntiPhishingPhraseView {
  /** Shown in every security message (codes, notices) sent to the user; null when none is set. */
  phrase: string | null;
}

/** The caller's own phrase (only they see it). */
export async function getMyAntiPhishingPhrase(ctx: AppContext, auth: AuthContext): Promise<AntiPhishingPhraseView> {
  return { phrase: await ctx.uow.read((repos) => repos.accounts.users.antiPhishingPhrase(auth.userId)) };
}

/**
 * Sets (or, with null, removes) the caller's phrase. A fresh authentication is needed: whoever
 * holds a stolen session must not be able to plant a phrase that makes their own mail look real.
 */
export async function setMyAntiPhishingPhrase(ctx: AppContext, auth: AuthContext, phrase: string | null): Promise<AntiPhishingPhraseView> {
  const audit = { orgId: auth.orgId, actor: actorOf(auth), action: 'anti_phishing_phrase.update', objectType: 'user', objectIds: [auth.userId] };
  return audited(ctx.uow, audit, async () => {
    requireRecentAuth(auth, ctx.clock.now());
    const clean = phrase === null ? null : cleanPhrase(phrase);
    await ctx.uow.write(async (repos) => {
      await repos.accounts.users.setAntiPhishingPhrase(auth.userId, clean);
      await repos.audit.record({ ...audit, outcome: 'success', reason: clean === null ? 'removed' : 'set' });
    });
    return { phrase: clean };
  });
}

function cleanPhrase(phrase: string): string {
  const check = new InputCheck();
  const v = check.line('phrase', phrase, 64);
  check.done();
  if (v.length < 4) throw invalidRequest('Phrase too short', [{ path: 'phrase', message: 'must be at least 4 characters' }]);
  return v;
}
