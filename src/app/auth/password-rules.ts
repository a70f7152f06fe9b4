import type { Organization } from '../../domain/model.js';
import { type PasswordRules, contextWords } from '../../security/passwords/password-policy.js';
import type { Role } from '../access/roles.js';
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
