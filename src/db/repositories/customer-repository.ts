import type { Kysely, Selectable } from 'kysely';
import type { CustomerRepository } from '../../app/ports.js';
import type { Customer } from '../../domain/model.js';
import { normalizeEmail } from '../../security/crypto/blind-index.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import { PreparedQuery } from '../prepared-query.js';
import type { CustomersTable, DB } from '../schema.js';

const findByEmailQuery = new PreparedQuery((db, p: { orgId: string; emailIndex: string }) =>
  db.selectFrom('customers').selectAll().where('org_id', '=', p.orgId).where('email_index', '=', p.emailIndex).orderBy('created_at').limit(1),
);

const insertQuery = new PreparedQuery((db, row: Omit<CustomersTable, 'erased_at'>) => db.insertInto('customers').values(row));

/** Customers' names, emails and phones are sealed with the customer's own data key. */
export class KyselyCustomerRepository implements CustomerRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly crypto: FieldCrypto,
  ) {}

  async findByEmail(orgId: string, email: string): Promise<Customer | null> {
    const emailIndex = await this.crypto.index(orgId, normalizeEmail(email));
    const row = await findByEmailQuery.first(this.db, { orgId, emailIndex });
    return row ? this.toCustomer(row) : null;
  }

  async findById(orgId: string, id: string): Promise<Customer | null> {
    const row = await this.db
      .selectFrom('customers')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? this.toCustomer(row) : null;
  }

  async listByIds(orgId: string, ids: readonly string[]): Promise<Customer[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('customers').selectAll().where('org_id', '=', orgId).where('id', 'in', [...ids]).execute();
    return Promise.all(rows.map((r) => this.toCustomer(r)));
  }

  async list(orgId: string, page: { limit: number; afterId: string | null; staffId: string | null }): Promise<Customer[]> {
    let q = this.db.selectFrom('customers').selectAll().where('org_id', '=', orgId);
    if (page.afterId) q = q.where('id', '>', page.afterId);
    const staffId = page.staffId;
    if (staffId) {
      q = q.where('id', 'in', (eb) =>
        eb.selectFrom('bookings').select('customer_id').where('org_id', '=', orgId).where('staff_id', '=', staffId).where('customer_id', 'is not', null),
      );
    }
    const rows = await q.orderBy('id').limit(page.limit).execute();
    return Promise.all(rows.map((r) => this.toCustomer(r)));
  }

  async insert(c: Customer): Promise<void> {
    // A new customer's own data key (erasable alone) is made here: no lookup, none exists yet.
    await this.crypto.createKey({ orgId: c.orgId, type: 'customer', id: c.id });
    await insertQuery.run(this.db, { id: c.id, org_id: c.orgId, ...(await this.sealed(c)), created_at: Date.now() });
  }

  async update(c: Customer): Promise<void> {
    await this.db
      .updateTable('customers')
      .set(await this.sealed(c))
      .where('org_id', '=', c.orgId)
      .where('id', '=', c.id)
      .execute();
  }

  private async sealed(c: Customer) {
    const owner = { orgId: c.orgId, type: 'customer', id: c.id } as const;
    const place = (column: string) => ({ table: 'customers', column, rowId: c.id });
    const [name_enc, email_enc, phone_enc, email_index] = await Promise.all([
      this.crypto.seal(owner, place('name'), c.name),
      this.crypto.seal(owner, place('email'), c.email),
      this.crypto.sealOptional(owner, place('phone'), c.phone),
      this.crypto.index(c.orgId, normalizeEmail(c.email)),
    ]);
    return { name_enc, email_enc, phone_enc, email_index };
  }

  /**
   * Erasure by crypto-shredding: the customer's data keys are destroyed, so their sealed
   * fields (here, in booking notes and in any copy of the database) can never be read again.
   */
  async erase(orgId: string, id: string, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('customers')
      .set({ name_enc: '', email_enc: '', phone_enc: null, email_index: `erased:${id}`, erased_at: now })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await this.crypto.destroyKeys({ type: 'customer', id });
    return true;
  }

  private async toCustomer(r: Selectable<CustomersTable>): Promise<Customer> {
    if (r.erased_at !== null) return { id: r.id, orgId: r.org_id, name: '', email: '', phone: null, erased: true };
    const place = (column: string) => ({ table: 'customers', column, rowId: r.id });
    const [name, email, phone] = await Promise.all([
      this.crypto.open(place('name'), r.name_enc),
      this.crypto.open(place('email'), r.email_enc),
      this.crypto.openOptional(place('phone'), r.phone_enc),
    ]);
    return { id: r.id, orgId: r.org_id, name, email, phone, erased: false };
  }
}
