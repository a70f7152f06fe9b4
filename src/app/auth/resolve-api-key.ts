import { DomainError } from '../../domain/errors.js';
import { apiKeyId, apiKeyMatches, hashApiKey } from '../../security/api-key-token.js';
import type { AppContext } from '../ports.js';
import type { AuthContext, ClientInfo } from './session-model.js';

/** The last-used time (and its audit entry) is written at most this often per key: no write per request. */
export const API_KEY_TOUCH_EVERY_MS = 60_000;

// Compared against when the id is unknown, so that case costs what a wrong secret costs.
const NO_KEY_HASH = hashApiKey('sgk_none');

const invalidKey = () => new DomainError('invalid_api_key', 'The API key is not valid');

/**
 * The caller behind `Authorization: Bearer sgk_...`: the key's organization with exactly its
 * scopes. Unknown, wrong, revoked and expired keys all get the same 401 `invalid_api_key`;
 * a failed use of a real key is written to its organization's audit trail.
 */
export async function resolveApiKey(ctx: AppContext, presented: string, client: ClientInfo): Promise<AuthContext> {
  const id = apiKeyId(presented);
  if (id === null) throw invalidKey();
  const found = await ctx.uow.read((repos) => repos.accounts.apiKeys.findForCheck(id));
  const matches = apiKeyMatches(found?.secretHash ?? NO_KEY_HASH, presented);
  if (!found) throw invalidKey();
  const { key } = found;
  const now = ctx.clock.now();
  const refused = !matches ? 'wrong_secret' : key.revokedAt !== null ? 'revoked' : key.expiresAt !== null && now >= key.expiresAt ? 'expired' : null;
  const actor = { type: 'api_key', id: key.id, ip: client.ip, userAgent: client.userAgent } as const;
  const audit = { orgId: key.orgId, actor, action: 'api_key.use', objectType: 'api_key', objectIds: [key.id] };
  if (refused) {
    await ctx.uow.write((repos) => repos.audit.record({ ...audit, outcome: 'failure', reason: refused }));
    throw invalidKey();
  }
  if (key.lastUsedAt === null || now - key.lastUsedAt >= API_KEY_TOUCH_EVERY_MS) {
    await ctx.uow.write(async (repos) => {
      if (await repos.accounts.apiKeys.touch(key.id, now, now - API_KEY_TOUCH_EVERY_MS)) await repos.audit.record({ ...audit, outcome: 'success' });
    });
  }
  return {
    userId: key.id,
    sessionId: key.id,
    orgId: key.orgId,
    role: 'receptionist',
    stage: 'full',
    // Never fresh: a key cannot step up (requireAccess refuses step-up permissions to keys anyway).
    authAt: 0,
    authMethods: ['api_key'],
    ip: client.ip,
    userAgent: client.userAgent,
    apiKey: { id: key.id, scopes: key.scopes },
  };
}
