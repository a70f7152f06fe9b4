import { invalidRequest, notFound } from '../../domain/errors.js';
import { apiKeyPrefix, hashApiKey, newApiKey } from '../../security/api-key-token.js';
import { newId } from '../../security/ids.js';
import { API_KEY_SCOPES, type ApiKeyScope, isApiKeyScope } from '../access/api-key-scopes.js';
import { requireAccess } from '../access/require-access.js';
import type { Actor, AppContext } from '../ports.js';
import type { ApiKey } from './account-ports.js';
import type { AuthContext } from './session-model.js';

export interface ApiKeyInput {
  name: string;
  scopes: string[];
  /** ISO 8601 with offset; none: the key works until revoked. */
  expiresAt?: string | null;
}

export interface ApiKeyView {
  id: string;
  name: string;
  /** The key's non-secret start, to tell keys apart. */
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedApiKey extends ApiKeyView {
  /** The whole key, shown this once: only its hash is kept. */
  key: string;
}

/** Who a key operation is for and who does it: a signed-in owner or admin, or the operator at the CLI. */
interface KeyAuthority {
  orgId: string;
  actor: Actor;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function view(k: ApiKey): ApiKeyView {
  return {
    id: k.id,
    name: k.name,
    prefix: apiKeyPrefix(k.id),
    scopes: k.scopes,
    createdAt: new Date(k.createdAt).toISOString(),
    expiresAt: iso(k.expiresAt),
    lastUsedAt: iso(k.lastUsedAt),
    revokedAt: iso(k.revokedAt),
  };
}

function checkInput(input: ApiKeyInput, now: number): { name: string; scopes: ApiKeyScope[]; expiresAt: number | null } {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 100) throw invalidRequest('Name the key (1 to 100 characters)', [{ path: 'body.name', message: 'must be 1 to 100 characters' }]);
  const unknown = input.scopes.filter((s) => !isApiKeyScope(s));
  if (input.scopes.length === 0 || unknown.length > 0) {
    throw invalidRequest('Unknown or missing scopes', [{ path: 'body.scopes', message: `must be some of ${API_KEY_SCOPES.join(', ')}` }]);
  }
  const expiresAt = input.expiresAt ? Date.parse(input.expiresAt) : null;
  if (expiresAt !== null && (Number.isNaN(expiresAt) || expiresAt <= now)) {
    throw invalidRequest('The expiry must be a future instant', [{ path: 'body.expiresAt', message: 'must be ISO 8601 with an offset, in the future' }]);
  }
  return { name, scopes: [...new Set(input.scopes.filter(isApiKeyScope))], expiresAt };
}

async function issue(ctx: AppContext, authority: KeyAuthority, input: ApiKeyInput): Promise<CreatedApiKey> {
  const now = ctx.clock.now();
  const { name, scopes, expiresAt } = checkInput(input, now);
  const id = newId(now);
  const key = newApiKey(id);
  const stored: ApiKey = {
    id,
    orgId: authority.orgId,
    name,
    scopes,
    createdBy: { type: authority.actor.type, id: authority.actor.id },
    createdAt: now,
    expiresAt,
    lastUsedAt: null,
    revokedAt: null,
  };
  await ctx.uow.write(async (repos) => {
    await repos.accounts.apiKeys.insert(stored, hashApiKey(key));
    await repos.audit.record({
      orgId: authority.orgId,
      actor: authority.actor,
      action: 'api_key.create',
      objectType: 'api_key',
      objectIds: [id],
      outcome: 'success',
      reason: scopes.join(' '),
    });
  });
  return { ...view(stored), key };
}

async function list(ctx: AppContext, orgId: string): Promise<ApiKeyView[]> {
  return (await ctx.uow.read((repos) => repos.accounts.apiKeys.listOrg(orgId))).map(view);
}

async function revoke(ctx: AppContext, authority: KeyAuthority, keyId: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.uow.write(async (repos) => {
    const found = await repos.accounts.apiKeys.findForCheck(keyId);
    // Another organization's key is answered exactly like a key that does not exist.
    if (!found || found.key.orgId !== authority.orgId) throw notFound('API key');
    if (!(await repos.accounts.apiKeys.revoke(authority.orgId, keyId, now))) return;
    await repos.audit.record({ orgId: authority.orgId, actor: authority.actor, action: 'api_key.revoke', objectType: 'api_key', objectIds: [keyId], outcome: 'success' });
  });
}

/** A new key for the caller's organization (owner or admin, step-up): the key is in the answer once. */
export async function createApiKey(ctx: AppContext, auth: AuthContext | null, input: ApiKeyInput): Promise<CreatedApiKey> {
  const access = await requireAccess(ctx, auth, 'keys:manage');
  return issue(ctx, access, input);
}

/** The keys of the caller's organization, revoked ones included; never a secret. */
export async function listApiKeys(ctx: AppContext, auth: AuthContext | null): Promise<ApiKeyView[]> {
  const access = await requireAccess(ctx, auth, 'keys:read');
  return list(ctx, access.orgId);
}

/** Ends a key at once (owner or admin, step-up); revoking it twice is not an error. */
export async function revokeApiKey(ctx: AppContext, auth: AuthContext | null, keyId: string): Promise<void> {
  const access = await requireAccess(ctx, auth, 'keys:manage');
  await revoke(ctx, access, keyId);
}

async function orgIdOf(ctx: AppContext, orgSlug: string): Promise<string> {
  const org = await ctx.uow.read((repos) => repos.orgs.findBySlug(orgSlug));
  if (!org) throw notFound('Organization');
  return org.id;
}

/** `slotguard apikey create`: the operator at the command line makes a key for an organization. */
export async function operatorCreateApiKey(ctx: AppContext, orgSlug: string, input: ApiKeyInput, actor: Actor): Promise<CreatedApiKey> {
  return issue(ctx, { orgId: await orgIdOf(ctx, orgSlug), actor }, input);
}

export async function operatorListApiKeys(ctx: AppContext, orgSlug: string): Promise<ApiKeyView[]> {
  return list(ctx, await orgIdOf(ctx, orgSlug));
}

export async function operatorRevokeApiKey(ctx: AppContext, orgSlug: string, keyId: string, actor: Actor): Promise<void> {
  await revoke(ctx, { orgId: await orgIdOf(ctx, orgSlug), actor }, keyId);
}
