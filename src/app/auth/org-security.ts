import { invalidRequest } from '../../domain/errors.js';
import { requireAccess } from '../access/require-access.js';
import { ROLES, isRole } from '../access/roles.js';
import type { AppContext } from '../ports.js';
import { type OrgSecurityPolicy, SECURITY_POLICY_EXPLANATIONS } from './security-policy.js';
import type { AuthContext } from './session-model.js';

export interface SecurityPolicyView extends OrgSecurityPolicy {
  explanations: typeof SECURITY_POLICY_EXPLANATIONS;
}

export async function getSecurityPolicy(ctx: AppContext, auth: AuthContext | null): Promise<SecurityPolicyView> {
  const access = await requireAccess(ctx, auth, 'org:read');
  const policy = await ctx.uow.read((repos) => repos.accounts.securityPolicies.forOrg(access.orgId));
  return { ...policy, explanations: SECURITY_POLICY_EXPLANATIONS };
}

/** Sets the org's sign-in policy (which roles must use MFA; the optional password rules). */
export async function setSecurityPolicy(ctx: AppContext, auth: AuthContext | null, input: OrgSecurityPolicy): Promise<SecurityPolicyView> {
  const access = await requireAccess(ctx, auth, 'security_policy:manage');
  const roles = [...new Set(input.mfaRequiredRoles)];
  if (!roles.every(isRole)) throw invalidRequest('Unknown role', [{ path: 'body.mfaRequiredRoles', message: `roles are ${ROLES.join(', ')}` }]);
  const days = input.passwordChangeReminderDays;
  if (days !== null && (!Number.isInteger(days) || days < 30 || days > 3650)) {
    throw invalidRequest('Reminder days out of range', [{ path: 'body.passwordChangeReminderDays', message: 'must be null or 30 to 3650' }]);
  }
  const policy: OrgSecurityPolicy = { mfaRequiredRoles: roles, passwordComposition: input.passwordComposition, passwordChangeReminderDays: days };
  await ctx.uow.write(async (repos) => {
    await repos.accounts.securityPolicies.save(access.orgId, policy);
    await repos.audit.record({
      orgId: access.orgId,
      actor: access.actor,
      action: 'security_policy.update',
      objectType: 'organization',
      objectIds: [access.orgId],
      outcome: 'success',
    });
  });
  return { ...policy, explanations: SECURITY_POLICY_EXPLANATIONS };
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
