import type { Role } from '../access/roles.js';
import type { User } from './account-model.js';
import { type OrgSecurityPolicy, mfaRequiredFor } from './security-policy.js';
import type { SessionStage } from './session-model.js';

/**
 * What a signed-in user must still do before a full session: enrol the second factor their
 * org requires of their role, then replace a password known to be compromised.
 */
export function stageAfterSignIn(user: User, role: Role | null, policy: OrgSecurityPolicy, hasMfa: boolean): SessionStage {
  if (role !== null && mfaRequiredFor(policy, role) && !hasMfa) return 'mfa_enrolment';
  if (user.passwordCompromised) return 'password_change';
  return 'full';
}
