import type { Kysely, Selectable } from 'kysely';
import type { CustomerRepository } from '../../app/ports.js';
import type { Customer } from '../../domain/model.js';
import type { CustomersTable, DB } from '../schema.js';

/** Exact-match key for an email address (case and surrounding space do not matter). */
export function emailLookup(email: string): string {
  return email.trim().toLowerCase();
}

export class KyselyCustomerRepository implements CustomerRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async findByEmail(orgId: string, email: string): Promise<Customer | null> {
    const row = await this.db
      .selectFrom('customers')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('email_lookup', '=', emailLookup(email))
      .orderBy('created_at')
      .executeTakeFirst();
    return row ? toCustomer(row) : null;
  }

  async findById(orgId: string, id: string): Promise<Customer | null> {
    const row = await this.db
      .selectFrom('customers')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toCustomer(row) : null;
  }

  async insert(c: Customer): Promise<void> {
    await this.db
      .insertInto('customers')
      .values({
        id: c.id,
        org_id: c.orgId,
        name: c.name,
        email: c.email,
        email_lookup: emailLookup(c.email),
        phone: c.phone,
        created_at: Date.now(),
      })
      .execute();
  }

  async update(c: Customer): Promise<void> {
    await this.db
      .updateTable('customers')
      .set({ name: c.name, email: c.email, email_lookup: emailLookup(c.email), phone: c.phone })
      .where('org_id', '=', c.orgId)
      .where('id', '=', c.id)
      .execute();
  }
}

function toCustomer(r: Selectable<CustomersTable>): Customer {
  return { id: r.id, orgId: r.org_id, name: r.name, email: r.email, phone: r.phone };
}
