import type { Repositories } from '../ports.js';
import type { FactorKind } from './account-model.js';

const ORDER: readonly FactorKind[] = ['webauthn', 'totp', 'email', 'sms'];

/**
 * The second factors a user can be asked for: their confirmed ones, strongest first, and
 * recovery codes while any is left. Empty: the user has no second factor.
 */
export async function mfaMethodsOf(repos: Repositories, userId: string): Promise<string[]> {
  const confirmed = (await repos.accounts.factors.listForUser(userId)).filter((f) => f.confirmedAt !== null);
  const methods: string[] = ORDER.filter((kind) => confirmed.some((f) => f.kind === kind));
  if (methods.length > 0 && (await repos.accounts.recoveryCodes.countUnused(userId)) > 0) methods.push('recovery_code');
  return methods;
}

/** The organization a user's messages are filed under: their oldest membership's. */
export async function messageOrgOf(repos: Repositories, userId: string): Promise<{ id: string; name: string } | null> {
  const first = (await repos.accounts.memberships.forUser(userId))[0];
  const org = first ? await repos.orgs.findById(first.orgId) : null;
  return org ? { id: org.id, name: org.name } : null;
}
