import type { Kysely } from 'kysely';
import type { MessageToSend, Outbox, TemplateName } from '../../app/notifications/outbox-port.js';
import type { Clock } from '../../app/ports.js';
import { newId } from '../../security/ids.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import { PreparedQuery } from '../prepared-query.js';
import type { DB, OutboxMessagesTable } from '../schema.js';

const enqueueQuery = new PreparedQuery((db, row: OutboxMessagesTable) =>
  db
    .insertInto('outbox_messages')
    .values(row)
    .onConflict((oc) => oc.column('idempotency_key').doNothing()),
);

/** Where a message's personal part lives; bound into its ciphertext. */
export const sealedPlace = (messageId: string) => ({ table: 'outbox_messages', column: 'sealed', rowId: messageId });

/** Writes messages in the caller's transaction; the personal part sealed with the owner's key. */
export class KyselyOutbox implements Outbox {
  /** True once this transaction wrote a message. */
  wrote = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly crypto: FieldCrypto,
    private readonly clock: Clock,
  ) {}

  async enqueue(m: MessageToSend): Promise<boolean> {
    const now = this.clock.now();
    const id = newId(now);
    const sealed = await this.crypto.seal(
      { orgId: m.orgId, type: m.owner.type, id: m.owner.id },
      sealedPlace(id),
      JSON.stringify({ to: m.to, secret: m.secret ?? {} }),
    );
    const inserted = await enqueueQuery.run(this.db, {
        id,
        org_id: m.orgId,
        idempotency_key: m.idempotencyKey,
        channel: m.channel,
        template: m.template,
        locale: m.locale,
        booking_id: m.bookingId ?? null,
        owner_type: m.owner.type,
        owner_id: m.owner.id,
        data: JSON.stringify(m.data),
        sealed,
        status: 'pending',
        attempts: 0,
        available_at: m.availableAt ?? now,
        lease_until: null,
        claimed_by: null,
        last_error: null,
        provider_ref: null,
        created_at: now,
        finished_at: null,
      });
    const written = inserted === 1;
    if (written) this.wrote = true;
    return written;
  }

  async orgOf(messageId: string): Promise<string | null> {
    const row = await this.db.selectFrom('outbox_messages').select('org_id').where('id', '=', messageId).executeTakeFirst();
    return row?.org_id ?? null;
  }

  async cancelPending(orgId: string, bookingId: string, templates: readonly TemplateName[]): Promise<number> {
    if (templates.length === 0) return 0;
    const result = await this.db
      .updateTable('outbox_messages')
      .set({ status: 'cancelled', finished_at: this.clock.now(), last_error: 'superseded' })
      .where('org_id', '=', orgId)
      .where('booking_id', '=', bookingId)
      .where('template', 'in', templates)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
