import type { Kysely, Selectable } from 'kysely';
import type { OrganizationRepository } from '../../app/ports.js';
import { conflict } from '../../domain/errors.js';
import { type BookingPolicies, DEFAULT_POLICIES, type Locale, type Organization } from '../../domain/model.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import { PreparedQuery } from '../prepared-query.js';
import type { DB, OrganizationsTable } from '../schema.js';

const bySlugQuery = new PreparedQuery((db, p: { slug: string }) => db.selectFrom('organizations').selectAll().where('slug', '=', p.slug));
import { uniqueViolationAs } from '../write-errors.js';

export class KyselyOrganizationRepository implements OrganizationRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly crypto: FieldCrypto,
  ) {}

  async findBySlug(slug: string): Promise<Organization | null> {
    const row = await bySlugQuery.first(this.db, { slug });
    return row ? toOrganization(row) : null;
  }

  async findById(id: string): Promise<Organization | null> {
    const row = await this.db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toOrganization(row) : null;
  }

  async list(): Promise<Organization[]> {
    const rows = await this.db.selectFrom('organizations').selectAll().orderBy('slug').execute();
    return rows.map(toOrganization);
  }

  async insert(org: Organization): Promise<void> {
    await this.db
      .insertInto('organizations')
      .values({
        id: org.id,
        slug: org.slug,
        name: org.name,
        time_zone: org.timeZone,
        locale: org.locale,
        policies: JSON.stringify(org.policies),
        created_at: org.createdAt,
      })
      .execute()
      .catch(uniqueViolationAs(() => conflict('An organization with this slug already exists')));
    // The org's keys exist before any customer of it does, so concurrent first bookings
    // never race to create them.
    await this.crypto.createKey({ orgId: org.id, type: 'org', id: org.id });
    await this.crypto.createKey({ orgId: org.id, type: 'org_index', id: org.id });
  }

  async update(org: Organization): Promise<void> {
    const row = await this.db.selectFrom('organizations').select('policies').where('id', '=', org.id).executeTakeFirst();
    const { allowedFrameOrigins } = storedPolicies(row?.policies ?? '{}');
    await this.db
      .updateTable('organizations')
      .set({ name: org.name, time_zone: org.timeZone, locale: org.locale, policies: JSON.stringify({ ...org.policies, allowedFrameOrigins }) })
      .where('id', '=', org.id)
      .execute();
  }

  async allowedFrameOrigins(org: { id: string } | { slug: string }): Promise<string[]> {
    const query = this.db.selectFrom('organizations').select('policies');
    const row = await ('id' in org ? query.where('id', '=', org.id) : query.where('slug', '=', org.slug)).executeTakeFirst();
    return row ? storedPolicies(row.policies).allowedFrameOrigins : [];
  }

  async setAllowedFrameOrigins(orgId: string, origins: readonly string[]): Promise<void> {
    const row = await this.db.selectFrom('organizations').select('policies').where('id', '=', orgId).executeTakeFirst();
    if (!row) return;
    const { policies } = storedPolicies(row.policies);
    await this.db
      .updateTable('organizations')
      .set({ policies: JSON.stringify({ ...policies, allowedFrameOrigins: [...origins] }) })
      .where('id', '=', orgId)
      .execute();
  }
}

/** The policies column holds the booking policies and, beside them, the origins allowed to frame the booking page. */
function storedPolicies(json: string): { policies: BookingPolicies; allowedFrameOrigins: string[] } {
  const { allowedFrameOrigins, ...policies } = JSON.parse(json) as Partial<BookingPolicies> & { allowedFrameOrigins?: unknown };
  const origins = Array.isArray(allowedFrameOrigins) ? allowedFrameOrigins.filter((o): o is string => typeof o === 'string') : [];
  return { policies: { ...DEFAULT_POLICIES, ...policies }, allowedFrameOrigins: origins };
}

function toOrganization(row: Selectable<OrganizationsTable>): Organization {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    timeZone: row.time_zone,
    locale: row.locale as Locale,
    policies: storedPolicies(row.policies).policies,
    createdAt: row.created_at,
  };
}
