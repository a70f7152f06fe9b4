import type { Kysely, Selectable } from 'kysely';
import type { WebhookEndpoint, WebhookEvent, WebhookRepository } from '../../app/notifications/notification-ports.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import { PreparedQuery } from '../prepared-query.js';
import type { DB, WebhookEndpointsTable } from '../schema.js';

const listQuery = new PreparedQuery((db, p: { orgId: string }) =>
  db.selectFrom('webhook_endpoints').selectAll().where('org_id', '=', p.orgId).orderBy('created_at'),
);

const secretPlace = (id: string) => ({ table: 'webhook_endpoints', column: 'secret', rowId: id });

/** Webhook signing secrets are sealed with the org's key. */
export class KyselyWebhookRepository implements WebhookRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly crypto: FieldCrypto,
  ) {}

  async insert(e: WebhookEndpoint, secret: string): Promise<void> {
    const secret_enc = await this.crypto.seal({ orgId: e.orgId, type: 'org', id: e.orgId }, secretPlace(e.id), secret);
    await this.db
      .insertInto('webhook_endpoints')
      .values({
        id: e.id,
        org_id: e.orgId,
        url: e.url,
        events: JSON.stringify(e.events),
        secret_enc,
        active: e.active ? 1 : 0,
        created_at: e.createdAt,
      })
      .execute();
  }

  async list(orgId: string): Promise<WebhookEndpoint[]> {
    const rows = await listQuery.rows(this.db, { orgId });
    return rows.map(toEndpoint);
  }

  async find(orgId: string, id: string): Promise<(WebhookEndpoint & { secret: string }) | null> {
    const row = await this.db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    return { ...toEndpoint(row), secret: await this.crypto.open(secretPlace(row.id), row.secret_enc) };
  }

  async deactivate(orgId: string, id: string): Promise<boolean> {
    const result = await this.db
      .updateTable('webhook_endpoints')
      .set({ active: 0 })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('active', '=', 1)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}

function toEndpoint(r: Selectable<WebhookEndpointsTable>): WebhookEndpoint {
  return {
    id: r.id,
    orgId: r.org_id,
    url: r.url,
    events: JSON.parse(r.events) as WebhookEvent[],
    active: r.active === 1,
    createdAt: r.created_at,
  };
}
