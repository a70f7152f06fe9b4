import type { Kysely, Selectable } from 'kysely';
import { isApiKeyScope } from '../../app/access/api-key-scopes.js';
import type { ApiKey, ApiKeyRepository } from '../../app/auth/account-ports.js';
import type { Actor } from '../../app/ports.js';
import type { ApiKeysTable, DB } from '../schema.js';

/** API keys: only the hash of a key is stored; a revoked key stays listed (with when). */
export class KyselyApiKeyRepository implements ApiKeyRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(k: ApiKey, secretHash: string): Promise<void> {
    await this.db
      .insertInto('api_keys')
      .values({
        id: k.id,
        org_id: k.orgId,
        name: k.name,
        secret_hash: secretHash,
        scopes: JSON.stringify(k.scopes),
        created_by_type: k.createdBy.type,
        created_by_id: k.createdBy.id,
        created_at: k.createdAt,
        expires_at: k.expiresAt,
        last_used_at: k.lastUsedAt,
        revoked_at: k.revokedAt,
      })
      .execute();
  }

  async findForCheck(id: string): Promise<{ key: ApiKey; secretHash: string } | null> {
    const row = await this.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? { key: toKey(row), secretHash: row.secret_hash } : null;
  }

  async listOrg(orgId: string): Promise<ApiKey[]> {
    const rows = await this.db.selectFrom('api_keys').selectAll().where('org_id', '=', orgId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toKey);
  }

  async revoke(orgId: string, id: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('api_keys')
      .set({ revoked_at: at })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async touch(id: string, at: number, since: number): Promise<boolean> {
    const result = await this.db
      .updateTable('api_keys')
      .set({ last_used_at: at })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', since)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}

function toKey(r: Selectable<ApiKeysTable>): ApiKey {
  const scopes: unknown = JSON.parse(r.scopes);
  return {
    id: r.id,
    orgId: r.org_id,
    name: r.name,
    // A scope this version no longer knows grants nothing.
    scopes: Array.isArray(scopes) ? scopes.filter(isApiKeyScope) : [],
    createdBy: { type: r.created_by_type as Actor['type'], id: r.created_by_id },
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}
