import type { Organization } from '../../domain/model.js';
import { type PasswordRules, contextWords } from '../../security/passwords/password-policy.js';
import type { Role } from '../access/roles.js';
import type { Repositories } from '../ports.js';
import type { User } from './account-model.js';
import { mfaMethodsOf } from './mfa-methods.js';
import { type OrgSecurityPolicy, mfaRequiredFor } from './security-policy.js';

export interface PasswordContext {
  email: string;
  name: string;
  orgs: readonly Organization[];
  /** The user's roles with their orgs' policies. */
  roles: readonly { role: Role; policy: OrgSecurityPolicy }[];
  /** The user already has a confirmed second factor. */
  hasMfa: boolean;
}

/** The password rules for one person: the strictest of their organizations' policies. */
export function passwordRulesFor(c: PasswordContext): PasswordRules {
  return {
    mfa: c.hasMfa || c.roles.some((r) => mfaRequiredFor(r.policy, r.role)),
    composition: c.roles.some((r) => r.policy.passwordComposition),
    contextWords: contextWords(c.email, c.name, ...c.orgs.flatMap((o) => [o.name, o.slug])),
  };
}

/** The rules for an existing user, from every organization they belong to. */
export async function rulesForUser(repos: Repositories, user: User): Promise<PasswordRules> {
  const memberships = await repos.accounts.memberships.forUser(user.id);
  const orgs: Organization[] = [];
  const roles: { role: Role; policy: OrgSecurityPolicy }[] = [];
  for (const m of memberships) {
    const org = await repos.orgs.findById(m.orgId);
    if (org) orgs.push(org);
    roles.push({ role: m.role, policy: await repos.accounts.securityPolicies.forOrg(m.orgId) });
  }
  const hasMfa = (await mfaMethodsOf(repos, user.id)).length > 0;
  return passwordRulesFor({ email: user.email, name: user.name, orgs, roles, hasMfa });
}
