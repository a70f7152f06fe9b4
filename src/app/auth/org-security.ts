import { requireAccess } from '../access/require-access.js';
import { InputCheck } from '../input-rules.js';
import { ROLES, isRole } from '../access/roles.js';
import type { AppContext } from '../ports.js';
import { type OrgSecurityPolicy, REMINDER_DAYS_BOUNDS, SECURITY_POLICY_EXPLANATIONS } from './security-policy.js';
import type { AuthContext } from './session-model.js';
import { type RoleSessionTimeouts, cleanSessionTimeouts } from './session-timeout-policy.js';

export interface SecurityPolicyView extends OrgSecurityPolicy {
  explanations: typeof SECURITY_POLICY_EXPLANATIONS;
}

export async function getSecurityPolicy(ctx: AppContext, auth: AuthContext | null): Promise<SecurityPolicyView> {
  const access = await requireAccess(ctx, auth, 'org:read');
  const policy = await ctx.uow.read((repos) => repos.accounts.securityPolicies.forOrg(access.orgId));
  return { ...policy, explanations: SECURITY_POLICY_EXPLANATIONS };
}

/** A change of the sign-in policy: session limits only for the roles it names (the rest keep theirs). */
export interface SecurityPolicyChange extends Omit<OrgSecurityPolicy, 'sessionTimeouts'> {
  sessionTimeouts?: Partial<Record<string, RoleSessionTimeouts>>;
}

/**
 * Sets the org's sign-in policy (which roles must use MFA, the optional password rules, the
 * session limits per role). Every bad field is named in one 400. Running sessions follow the
 * new limits from their next request (see currentLimits).
 */
export async function setSecurityPolicy(ctx: AppContext, auth: AuthContext | null, input: SecurityPolicyChange): Promise<SecurityPolicyView> {
  const access = await requireAccess(ctx, auth, 'security_policy:manage');
  const roles = [...new Set(input.mfaRequiredRoles)];
  const check = new InputCheck();
  check.require(roles.every(isRole), 'body.mfaRequiredRoles', `roles are ${ROLES.join(', ')}`);
  const days = input.passwordChangeReminderDays;
  const { min, max } = REMINDER_DAYS_BOUNDS;
  check.require(days === null || (Number.isInteger(days) && days >= min && days <= max), 'body.passwordChangeReminderDays', `must be null or ${min} to ${max}`);
  const policy = await ctx.uow.write(async (repos) => {
    const current = await repos.accounts.securityPolicies.forOrg(access.orgId);
    const sessionTimeouts = cleanSessionTimeouts(check, input.sessionTimeouts ?? {}, current.sessionTimeouts);
    check.done('The sign-in policy has invalid fields');
    const next: OrgSecurityPolicy = { mfaRequiredRoles: roles, passwordComposition: input.passwordComposition, passwordChangeReminderDays: days, sessionTimeouts };
    await repos.accounts.securityPolicies.save(access.orgId, next);
    await repos.audit.record({
      orgId: access.orgId,
      actor: access.actor,
      action: 'security_policy.update',
      objectType: 'organization',
      objectIds: [access.orgId],
      outcome: 'success',
      reason: changedFields(current, next).join(' ') || null,
    });
    return next;
  });
  return { ...policy, explanations: SECURITY_POLICY_EXPLANATIONS };
}

/** Which settings a change touched, for the audit entry ("sessionTimeouts.staff"): names, never values. */
function changedFields(before: OrgSecurityPolicy, after: OrgSecurityPolicy): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const fields = (['mfaRequiredRoles', 'passwordComposition', 'passwordChangeReminderDays'] as const).filter((f) => !same(before[f], after[f]));
  const roles = Object.keys(after.sessionTimeouts) as (keyof OrgSecurityPolicy['sessionTimeouts'])[];
  return [...fields, ...roles.filter((r) => !same(before.sessionTimeouts[r], after.sessionTimeouts[r])).map((r) => `sessionTimeouts.${r}`)];
}

export interface AuditEntryView {
  id: string;
  at: string;
  action: string;
  outcome: string;
  actorType: string;
  actorId: string | null;
  objectType: string;
  objectIds: string[];
  reason: string | null;
}

/** The organization's audit trail, newest first (auditors, owners, admins). */
export async function readAuditTrail(ctx: AppContext, auth: AuthContext | null, limit: number): Promise<AuditEntryView[]> {
  const access = await requireAccess(ctx, auth, 'audit:read');
  const entries = await ctx.uow.read((repos) => repos.accounts.auditTrail.list({ orgId: access.orgId, limit }));
  return entries.map((e) => ({
    id: e.id,
    at: new Date(e.at).toISOString(),
    action: e.action,
    outcome: e.outcome,
    actorType: e.actor.type,
    actorId: e.actor.id,
    objectType: e.objectType,
    objectIds: e.objectIds,
    reason: e.reason ?? null,
  }));
}
