import type { Kysely } from 'kysely';
import type { IdempotencyRecord, IdempotencyRepository } from '../../app/ports.js';
import { DomainError } from '../../domain/errors.js';
import type { DB } from '../schema.js';
import { uniqueViolationAs } from '../write-errors.js';

export class KyselyIdempotencyRepository implements IdempotencyRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async find(orgId: string, keyHash: string): Promise<IdempotencyRecord | null> {
    const row = await this.db
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'status_code', 'response'])
      .where('org_id', '=', orgId)
      .where('key', '=', keyHash)
      .executeTakeFirst();
    return row ? { requestHash: row.request_hash, statusCode: row.status_code, response: row.response } : null;
  }

  async insert(orgId: string, keyHash: string, r: IdempotencyRecord, now: number): Promise<void> {
    await this.db
      .insertInto('idempotency_keys')
      .values({
        org_id: orgId,
        key: keyHash,
        request_hash: r.requestHash,
        status_code: r.statusCode,
        response: r.response,
        created_at: now,
      })
      .execute()
      .catch(
        uniqueViolationAs(
          () => new DomainError('idempotency_conflict', 'A request with this Idempotency-Key is already being processed'),
        ),
      );
  }
}
