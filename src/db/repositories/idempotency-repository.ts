import type { Kysely } from 'kysely';
import type { IdempotencyRecord, IdempotencyRepository } from '../../app/ports.js';
import { DomainError } from '../../domain/errors.js';
import { PreparedQuery } from '../prepared-query.js';
import type { DB, IdempotencyKeysTable } from '../schema.js';
import { uniqueViolationAs } from '../write-errors.js';

const findQuery = new PreparedQuery((db, p: { orgId: string; keyHash: string }) =>
  db.selectFrom('idempotency_keys').select(['request_hash', 'status_code', 'response']).where('org_id', '=', p.orgId).where('key', '=', p.keyHash),
);

const insertQuery = new PreparedQuery((db, row: IdempotencyKeysTable) => db.insertInto('idempotency_keys').values(row));

export class KyselyIdempotencyRepository implements IdempotencyRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async find(orgId: string, keyHash: string): Promise<IdempotencyRecord | null> {
    const row = await findQuery.first(this.db, { orgId, keyHash });
    return row ? { requestHash: row.request_hash, statusCode: row.status_code, response: row.response } : null;
  }

  async insert(orgId: string, keyHash: string, r: IdempotencyRecord, now: number): Promise<void> {
    await insertQuery
      .run(this.db, {
        org_id: orgId,
        key: keyHash,
        request_hash: r.requestHash,
        status_code: r.statusCode,
        response: r.response,
        created_at: now,
      })
      .catch(
        uniqueViolationAs(
          () => new DomainError('idempotency_conflict', 'A request with this Idempotency-Key is already being processed'),
        ),
      );
  }
}
