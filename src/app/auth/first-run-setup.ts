import { DomainError, invalidRequest } from '../../domain/errors.js';
import { MS_PER_HOUR } from '../../domain/time/units.js';
import { contextWords, requireStrongPassword } from '../../security/passwords/password-policy.js';
import { hashToken, newSecretToken } from '../../security/tokens.js';
import { type CreateOrganizationInput, createOrganization } from '../admin/create-organization.js';
import type { Actor, AppContext } from '../ports.js';
import { type CreatedUser, createUser } from './create-user.js';
import { DEFAULT_SECURITY_POLICY, mfaRequiredFor } from './security-policy.js';

export const SETUP_TTL_MS = 24 * MS_PER_HOUR;

/**
 * On a fresh install (no user yet), a one-time link to create the first owner, instead of
 * any default password. A new start replaces the previous link. Null once a user exists.
 */
export async function issueSetupLink(ctx: AppContext): Promise<string | null> {
  const now = ctx.clock.now();
  return ctx.uow.write(async (repos) => {
    if ((await repos.accounts.users.count()) > 0) return null;
    await repos.accounts.tokens.expireAll('setup', null, now);
    const token = newSecretToken();
    const setup = { purpose: 'setup', userId: null, orgId: null, role: 'owner', createdAt: now, expiresAt: now + SETUP_TTL_MS, usedAt: null } as const;
    await repos.accounts.tokens.insert(hashToken(token), setup);
    return `${ctx.publicUrl}/setup#${token}`;
  });
}

export interface SetupInput {
  token: string;
  email: string;
  name: string;
  password: string;
  /** An existing organization (e.g. the demo's) or a new one. */
  orgSlug?: string;
  org?: CreateOrganizationInput;
}

const invalidLink = () =>
  invalidRequest('This setup link is invalid, used or expired; restart Slotguard for a new one', [
    { path: 'token', message: 'is invalid or expired' },
  ]);

/** Creates the first owner from the setup link (once, and only while there is no user). */
export async function completeSetup(ctx: AppContext, input: SetupInput, actor: Actor): Promise<CreatedUser> {
  const hash = hashToken(input.token);
  const now = ctx.clock.now();
  const valid = await ctx.uow.read(async (repos) => {
    const t = await repos.accounts.tokens.find(hash);
    return t !== null && t.purpose === 'setup' && t.usedAt === null && t.expiresAt > now && (await repos.accounts.users.count()) === 0;
  });
  if (!valid) throw invalidLink();
  if ((input.orgSlug === undefined) === (input.org === undefined)) {
    throw invalidRequest('Name an existing organization or describe a new one', [{ path: 'org', message: 'give exactly one of orgSlug and org' }]);
  }
  if (input.org) {
    // The new organization is created before its owner: a refused password must leave nothing
    // behind, or trying again with a better one would clash with the half-made organization.
    requireStrongPassword(input.password, {
      mfa: mfaRequiredFor(DEFAULT_SECURITY_POLICY, 'owner'),
      composition: DEFAULT_SECURITY_POLICY.passwordComposition,
      contextWords: contextWords(input.email, input.name, input.org.name, input.org.slug),
    });
  }
  const orgSlug = input.org ? (await createOrganization(ctx, input.org, actor)).slug : (input.orgSlug ?? '');
  const created = await createUser(ctx, { orgSlug, email: input.email, name: input.name, role: 'owner', password: input.password }, actor);
  const used = await ctx.uow.write((repos) => repos.accounts.tokens.markUsed(hash, now));
  if (!used) throw new DomainError('conflict', 'The setup link was used meanwhile');
  return created;
}
