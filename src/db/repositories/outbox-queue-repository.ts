import { type Kysely, type Selectable, sql } from 'kysely';
import type {
  ClaimedMessage,
  DeliveryAttempt,
  DeliveryOutcome,
  OutboxEntry,
  OutboxFilter,
  OutboxQueue,
} from '../../app/notifications/delivery-port.js';
import type { Channel, MessageOwner, MessageStatus, PublicData, TemplateName } from '../../app/notifications/outbox-port.js';
import type { Locale } from '../../domain/model.js';
import { newId } from '../../security/ids.js';
import { KyselyAuditLog } from './audit-repository.js';
import { DataKeyDestroyedError } from '../crypto/key-ring.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import type { Engine } from '../engine.js';
import type { DB, OutboxMessagesTable } from '../schema.js';
import { sealedPlace } from './outbox-repository.js';

type Row = Selectable<OutboxMessagesTable>;

/**
 * Claims are one statement each: SQLite `UPDATE ... RETURNING` (the write lock makes it
 * atomic across processes), PostgreSQL `FOR UPDATE SKIP LOCKED` (workers never wait on, or
 * take, each other's rows). A claim whose lease ran out (its worker died) is claimed again.
 */
export class KyselyOutboxQueue implements OutboxQueue {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly engine: Engine,
    private readonly crypto: FieldCrypto,
  ) {}

  async claim(workerId: string, limit: number, now: number, leaseMs: number): Promise<ClaimedMessage[]> {
    const lock = this.engine === 'postgres' ? sql`FOR UPDATE SKIP LOCKED` : sql``;
    const result = await sql<Row>`
      UPDATE outbox_messages
         SET status = 'sending', attempts = attempts + 1, lease_until = ${now + leaseMs}, claimed_by = ${workerId}
       WHERE id IN (
         SELECT id FROM outbox_messages
          WHERE (status = 'pending' AND available_at <= ${now}) OR (status = 'sending' AND lease_until <= ${now})
          ORDER BY available_at, id
          LIMIT ${limit}
          ${lock})
      RETURNING *`.execute(this.db);
    const rows = result.rows.map((r) => ({ ...r, available_at: Number(r.available_at), created_at: Number(r.created_at) }));
    rows.sort((a, b) => a.available_at - b.available_at || (a.id < b.id ? -1 : 1));
    return Promise.all(rows.map((r) => this.toClaimed(r)));
  }

  async finish(workerId: string, m: ClaimedMessage, outcome: DeliveryOutcome, now: number, durationMs: number): Promise<boolean> {
    const changes =
      outcome.kind === 'sent'
        ? { status: 'sent', provider_ref: outcome.providerRef, finished_at: now, last_error: null }
        : outcome.kind === 'retry'
          ? { status: 'pending', available_at: outcome.at, last_error: outcome.code }
          : { status: outcome.kind === 'dead' ? 'dead' : 'cancelled', finished_at: now, last_error: outcome.code };
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('outbox_messages')
        .set({ ...changes, lease_until: null, claimed_by: null })
        .where('id', '=', m.id)
        .where('status', '=', 'sending')
        .where('claimed_by', '=', workerId)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await trx
        .insertInto('outbox_attempts')
        .values({
          id: newId(now),
          message_id: m.id,
          org_id: m.orgId,
          at: now,
          outcome: outcome.kind,
          code: outcome.kind === 'sent' ? null : outcome.code,
          duration_ms: Math.round(durationMs),
        })
        .execute();
      if (outcome.kind === 'dead') {
        // A message given up on is something an admin must see: it goes to the audit log too.
        await new KyselyAuditLog(trx, { now: () => now }).record({
          orgId: m.orgId,
          actor: { type: 'system', id: workerId },
          action: 'message.dead_letter',
          objectType: 'message',
          objectIds: [m.id],
          outcome: 'failure',
          reason: outcome.code,
        });
      }
      return true;
    });
  }

  async list(f: OutboxFilter): Promise<OutboxEntry[]> {
    let q = this.db.selectFrom('outbox_messages').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit);
    if (f.orgId) q = q.where('org_id', '=', f.orgId);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.channel) q = q.where('channel', '=', f.channel);
    if (f.bookingId) q = q.where('booking_id', '=', f.bookingId);
    // A webhook message's idempotency key ends with its endpoint id (booking-notices.ts); the
    // address itself is sealed.
    if (f.webhookEndpointId) q = q.where('channel', '=', 'webhook').where('idempotency_key', 'like', `%:webhook:${f.webhookEndpointId}`);
    const before = f.before;
    if (before) q = q.where((eb) => eb.or([eb('created_at', '<', before.createdAt), eb.and([eb('created_at', '=', before.createdAt), eb('id', '<', before.id)])]));
    return (await q.execute()).map(toEntry);
  }

  async find(id: string): Promise<ClaimedMessage | null> {
    const row = await this.db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? this.toClaimed(row) : null;
  }

  async attempts(id: string): Promise<DeliveryAttempt[]> {
    const rows = await this.db.selectFrom('outbox_attempts').selectAll().where('message_id', '=', id).orderBy('at').orderBy('id').execute();
    return rows.map((r) => ({ at: r.at, outcome: r.outcome as DeliveryOutcome['kind'], code: r.code, durationMs: r.duration_ms }));
  }

  async requeue(id: string, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('outbox_messages')
      .set({ status: 'pending', available_at: now, attempts: 0, finished_at: null })
      .where('id', '=', id)
      .where('status', '=', 'dead')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  private async toClaimed(r: Row): Promise<ClaimedMessage> {
    return {
      ...toEntry(r),
      idempotencyKey: r.idempotency_key,
      owner: { type: r.owner_type as MessageOwner['type'], id: r.owner_id },
      data: JSON.parse(r.data) as PublicData,
      personal: await this.openPersonal(r),
    };
  }

  private async openPersonal(r: Row): Promise<ClaimedMessage['personal']> {
    if (r.sealed === null) return null;
    try {
      return JSON.parse(await this.crypto.open(sealedPlace(r.id), r.sealed)) as { to: string; secret: Record<string, string> };
    } catch (e) {
      if (e instanceof DataKeyDestroyedError) return null;
      throw e;
    }
  }
}

function toEntry(r: Row): OutboxEntry {
  return {
    id: r.id,
    orgId: r.org_id,
    channel: r.channel as Channel,
    template: r.template as TemplateName,
    locale: r.locale as Locale,
    bookingId: r.booking_id,
    status: r.status as MessageStatus,
    attempts: Number(r.attempts),
    availableAt: Number(r.available_at),
    lastError: r.last_error,
    createdAt: Number(r.created_at),
    finishedAt: r.finished_at === null ? null : Number(r.finished_at),
  };
}
