import { LOCALES, type Locale } from '../../domain/model.js';
import { newId } from '../../security/ids.js';
import { hashPassword } from '../../security/passwords/password-hasher.js';
import { requireStrongPassword } from '../../security/passwords/password-policy.js';
import { type Role, isRole } from '../access/roles.js';
import { audited } from '../audited.js';
import { InputCheck } from '../input-rules.js';
import type { Actor, AppContext, Repositories } from '../ports.js';
import { requireOrg } from '../public/load-public.js';
import { passwordRulesFor } from './password-rules.js';

export interface CreateUserInput {
  orgSlug: string;
  email: string;
  name: string;
  role: Role;
  /** Null: the user signs in with a passkey or sets a password through a reset link. */
  password: string | null;
  locale?: Locale;
  phone?: string | null;
  /** For an outside auditor: the membership ends at this instant. */
  expiresAt?: number | null;
}

export interface CreatedUser {
  id: string;
  orgId: string;
  role: Role;
}

/**
 * Creates a user with a role in one organization; the password must pass the org's rules.
 * `alsoInTransaction` runs in the same transaction (e.g. spending the invitation that allows it).
 */
export async function createUser(
  ctx: AppContext,
  input: CreateUserInput,
  actor: Actor,
  alsoInTransaction?: (repos: Repositories) => Promise<void>,
): Promise<CreatedUser> {
  const audit = { orgId: null, actor, action: 'user.create', objectType: 'user', objectIds: [] };
  return audited(ctx.uow, audit, async () => {
    const check = new InputCheck();
    const email = check.email('email', input.email ?? '');
    const name = check.line('name', input.name ?? '', 200);
    const phone = input.phone ? check.phone('phone', input.phone) : null;
    check.require(isRole(input.role), 'role', 'must be owner, admin, staff, receptionist, auditor or customer');
    const locale = input.locale ?? 'en';
    check.require(LOCALES.includes(locale), 'locale', `must be one of ${LOCALES.join(', ')}`);
    const now = ctx.clock.now();
    const expiresAt = input.expiresAt ?? null;
    check.require(expiresAt === null || expiresAt > now, 'expiresAt', 'must be in the future');
    check.done();

    const { org, policy } = await ctx.uow.read(async (repos) => {
      const org = await requireOrg(repos, input.orgSlug);
      return { org, policy: await repos.accounts.securityPolicies.forOrg(org.id) };
    });
    let passwordHash: string | null = null;
    if (input.password !== null) {
      requireStrongPassword(input.password, passwordRulesFor({ email, name, orgs: [org], roles: [{ role: input.role, policy }], hasMfa: false }));
      passwordHash = await hashPassword(input.password);
    }
    return ctx.uow.write(async (repos) => {
      await alsoInTransaction?.(repos);
      const id = newId(now);
      await repos.accounts.users.insert({
        id,
        email,
        name,
        phone,
        locale,
        passwordHash,
        passwordChangedAt: passwordHash ? now : null,
        passwordCompromised: false,
        disabledAt: null,
        createdAt: now,
      });
      await repos.accounts.memberships.upsert({ userId: id, orgId: org.id, role: input.role, expiresAt, createdAt: now });
      await repos.audit.record({ ...audit, orgId: org.id, objectIds: [id], outcome: 'success', reason: `role:${input.role}` });
      return { id, orgId: org.id, role: input.role };
    });
  });
}
