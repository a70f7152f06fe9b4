import { conflict, notFound } from '../../domain/errors.js';
import type { Actor, AppContext, Repositories } from '../ports.js';
import type { User } from './account-model.js';
import { actOnMember } from './member-action.js';
import { sendSecurityNotice } from './security-notices.js';
import type { AuthContext } from './session-model.js';

export interface PasswordCompromised {
  userId: string;
  /** Sessions ended: the user is signed out everywhere. */
  sessionsEnded: number;
}

/**
 * The password is known to be compromised (a breach list, a phishing report): it keeps
 * working for one thing only, the next sign-in, which ends in a forced change before any full
 * session; every session ends now and the user is told. Second factors stay.
 */
async function markCompromised(repos: Repositories, publicUrl: string, user: User, now: number): Promise<string[]> {
  if (user.passwordHash === null) throw conflict('This account has no password (it signs in with a passkey)');
  await repos.accounts.users.setPassword(user.id, user.passwordHash, user.passwordChangedAt, true);
  const ended = await repos.accounts.sessions.revokeAllForUser(user.id, 'password_compromised', now);
  await sendSecurityNotice(repos, publicUrl, user, 'password_compromised', now);
  return ended;
}

/**
 * An owner or admin marks a member's password compromised (step-up, like a role grant). Only
 * an owner does it to an owner, nobody to themselves (change your own instead), and only to
 * someone who belongs to this organization alone: one organization must not sign a person out
 * of another's (the operator's `slotguard user flag-compromised` can).
 */
export async function flagMemberPasswordCompromised(ctx: AppContext, auth: AuthContext | null, userId: string): Promise<PasswordCompromised> {
  const { ended } = await actOnMember(
    ctx,
    auth,
    userId,
    'security.password_compromised',
    async (repos, _orgId, now) => {
      const user = await repos.accounts.users.findById(userId);
      if (!user) throw notFound('User');
      return { ended: await markCompromised(repos, ctx.publicUrl, user, now) };
    },
    {
      refusals: { self: 'Change your own password instead', otherOrg: 'This person also belongs to another organization; ask the operator to flag the password' },
      moreObjectIds: (r) => r.ended,
    },
  );
  return { userId, sessionsEnded: ended.length };
}

/** `slotguard user flag-compromised --email`: the operator marks any user's password compromised. */
export async function operatorFlagPasswordCompromised(ctx: AppContext, email: string, actor: Actor): Promise<PasswordCompromised> {
  return ctx.uow.write(async (repos) => {
    const user = await repos.accounts.users.findByEmail(email);
    if (!user) throw notFound('User');
    const now = ctx.clock.now();
    const ended = await markCompromised(repos, ctx.publicUrl, user, now);
    const orgIds = (await repos.accounts.memberships.forUser(user.id)).map((m) => m.orgId);
    // Each of the user's organizations sees it in its own audit trail.
    for (const orgId of orgIds.length > 0 ? orgIds : [null]) {
      await repos.audit.record({ orgId, actor, action: 'security.password_compromised', objectType: 'user', objectIds: [user.id, ...ended], outcome: 'success' });
    }
    return { userId: user.id, sessionsEnded: ended.length };
  });
}
