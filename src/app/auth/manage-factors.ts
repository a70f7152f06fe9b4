import { DomainError, notFound } from '../../domain/errors.js';
import { hashRecoveryCode, newRecoveryCodes } from '../../security/mfa/recovery-codes.js';
import type { AppContext, Repositories } from '../ports.js';
import { type SecurityChange, sendSecurityNotice } from './security-notices.js';
import { mfaRequiredFor } from './security-policy.js';
import { type AuthContext, actorOf } from './session-model.js';
import { requireRecentAuth } from './step-up.js';

export interface FactorSummary {
  id: string;
  kind: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

async function notify(repos: Repositories, publicUrl: string, userId: string, change: SecurityChange, now: number): Promise<void> {
  const user = await repos.accounts.users.findById(userId);
  if (user) await sendSecurityNotice(repos, publicUrl, user, change, now);
}

export async function listFactors(ctx: AppContext, auth: AuthContext): Promise<{ factors: FactorSummary[]; recoveryCodesLeft: number }> {
  return ctx.uow.read(async (repos) => ({
    factors: (await repos.accounts.factors.listForUser(auth.userId))
      .filter((f) => f.confirmedAt !== null)
      .map((f) => ({ id: f.id, kind: f.kind, label: f.label, createdAt: iso(f.createdAt), lastUsedAt: f.lastUsedAt === null ? null : iso(f.lastUsedAt) })),
    recoveryCodesLeft: await repos.accounts.recoveryCodes.countUnused(auth.userId),
  }));
}

/** Ten new recovery codes, shown once; the old ones stop working. Needs a fresh authentication. */
export async function regenerateRecoveryCodes(ctx: AppContext, auth: AuthContext): Promise<string[]> {
  const now = ctx.clock.now();
  requireRecentAuth(auth, now);
  const codes = newRecoveryCodes();
  await ctx.uow.write(async (repos) => {
    await repos.accounts.recoveryCodes.replaceAll(auth.userId, codes.map(hashRecoveryCode), now);
    await notify(repos, ctx.publicUrl, auth.userId, 'recovery_codes', now);
    await repos.audit.record({
      orgId: auth.orgId,
      actor: actorOf(auth),
      action: 'mfa.recovery_codes',
      objectType: 'user',
      objectIds: [auth.userId],
      outcome: 'success',
    });
  });
  return codes;
}

/** Removes a factor, unless it is the last one and the org requires MFA of the user's role. */
export async function removeFactor(ctx: AppContext, auth: AuthContext, factorId: string): Promise<void> {
  const now = ctx.clock.now();
  requireRecentAuth(auth, now);
  await ctx.uow.write(async (repos) => {
    const factors = (await repos.accounts.factors.listForUser(auth.userId)).filter((f) => f.confirmedAt !== null);
    if (!factors.some((f) => f.id === factorId)) throw notFound('Factor');
    const policy = auth.orgId ? await repos.accounts.securityPolicies.forOrg(auth.orgId) : null;
    if (factors.length === 1 && policy && auth.role && mfaRequiredFor(policy, auth.role)) {
      throw new DomainError('policy_violation', 'Your organization requires a second factor: add another before removing this one');
    }
    await repos.accounts.factors.delete(auth.userId, factorId);
    if (factors.length === 1) await repos.accounts.recoveryCodes.replaceAll(auth.userId, [], now);
    await notify(repos, ctx.publicUrl, auth.userId, 'mfa_removed', now);
    await repos.audit.record({
      orgId: auth.orgId,
      actor: actorOf(auth),
      action: 'mfa.remove',
      objectType: 'mfa_factor',
      objectIds: [factorId],
      outcome: 'success',
    });
  });
}
