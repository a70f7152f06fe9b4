import type { Kysely, Selectable } from 'kysely';
import type { ServiceRepository } from '../../app/ports.js';
import type { Service } from '../../domain/model.js';
import { PreparedQuery } from '../prepared-query.js';
import type { DB, ServicesTable } from '../schema.js';

const byIdQuery = new PreparedQuery((db, p: { orgId: string; id: string }) =>
  db.selectFrom('services').selectAll().where('org_id', '=', p.orgId).where('id', '=', p.id),
);

const offeredByQuery = new PreparedQuery((db, p: { orgId: string; serviceId: string; staffId: string }) =>
  db
    .selectFrom('service_staff')
    .innerJoin('staff_members', 'staff_members.id', 'service_staff.staff_id')
    .select('service_staff.staff_id')
    .where('service_staff.org_id', '=', p.orgId)
    .where('service_staff.service_id', '=', p.serviceId)
    .where('service_staff.staff_id', '=', p.staffId)
    .where('staff_members.active', '=', 1),
);

export class KyselyServiceRepository implements ServiceRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async listActive(orgId: string): Promise<Service[]> {
    const rows = await this.db
      .selectFrom('services')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('active', '=', 1)
      .orderBy('name')
      .orderBy('id')
      .execute();
    return this.withStaff(orgId, rows);
  }

  async findById(orgId: string, id: string): Promise<Service | null> {
    const row = await byIdQuery.first(this.db, { orgId, id });
    if (!row) return null;
    const [service] = await this.withStaff(orgId, [row]);
    return service ?? null;
  }

  async findOffering(orgId: string, id: string, staffId: string): Promise<Service | null> {
    const row = await byIdQuery.first(this.db, { orgId, id });
    if (!row) return null;
    const offered = await offeredByQuery.first(this.db, { orgId, serviceId: id, staffId });
    return toService(row, offered ? [staffId] : []);
  }

  async listAll(orgId: string): Promise<Service[]> {
    const rows = await this.db.selectFrom('services').selectAll().where('org_id', '=', orgId).orderBy('name').orderBy('id').execute();
    return this.withStaff(orgId, rows, { inactiveStaff: true });
  }

  async update(s: Omit<Service, 'staffIds'>, staffIds?: readonly string[]): Promise<void> {
    await this.db
      .updateTable('services')
      .set(serviceColumns(s))
      .where('org_id', '=', s.orgId)
      .where('id', '=', s.id)
      .execute();
    if (staffIds === undefined) return;
    await this.db.deleteFrom('service_staff').where('org_id', '=', s.orgId).where('service_id', '=', s.id).execute();
    if (staffIds.length > 0) {
      await this.db
        .insertInto('service_staff')
        .values(staffIds.map((staffId) => ({ org_id: s.orgId, service_id: s.id, staff_id: staffId })))
        .execute();
    }
  }

  async insert(s: Service): Promise<void> {
    await this.db
      .insertInto('services')
      .values({
        id: s.id,
        org_id: s.orgId,
        location_id: s.locationId,
        ...serviceColumns(s),
        created_at: Date.now(),
      })
      .execute();
    if (s.staffIds.length > 0) {
      await this.db
        .insertInto('service_staff')
        .values(s.staffIds.map((staffId) => ({ org_id: s.orgId, service_id: s.id, staff_id: staffId })))
        .execute();
    }
  }

  /** Bookable services name only their active staff; the admin's view names every one. */
  private async withStaff(orgId: string, rows: Selectable<ServicesTable>[], options = { inactiveStaff: false }): Promise<Service[]> {
    if (rows.length === 0) return [];
    const links = await this.db
      .selectFrom('service_staff')
      .innerJoin('staff_members', 'staff_members.id', 'service_staff.staff_id')
      .select(['service_staff.service_id', 'service_staff.staff_id'])
      .where('service_staff.org_id', '=', orgId)
      .$if(!options.inactiveStaff, (q) => q.where('staff_members.active', '=', 1))
      .where(
        'service_staff.service_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('staff_members.name')
      .orderBy('service_staff.staff_id')
      .execute();
    return rows.map((r) => toService(r, links.filter((l) => l.service_id === r.id).map((l) => l.staff_id)));
  }
}

/** The columns an admin may change. */
function serviceColumns(s: Omit<Service, 'staffIds'>) {
  return {
    name: s.name,
    description: s.description,
    duration_min: s.durationMin,
    price_cents: s.priceCents,
    currency: s.currency,
    buffer_before_min: s.bufferBeforeMin,
    buffer_after_min: s.bufferAfterMin,
    slot_interval_min: s.slotIntervalMin,
    min_notice_min: s.minNoticeMin,
    max_advance_days: s.maxAdvanceDays,
    capacity: s.capacity,
    requires_approval: s.requiresApproval ? 1 : 0,
    cutoff_min: s.cutoffMin,
    active: s.active ? 1 : 0,
  };
}

function toService(r: Selectable<ServicesTable>, staffIds: string[]): Service {
  return {
    id: r.id,
    orgId: r.org_id,
    locationId: r.location_id,
    name: r.name,
    description: r.description,
    durationMin: r.duration_min,
    priceCents: r.price_cents,
    currency: r.currency,
    bufferBeforeMin: r.buffer_before_min,
    bufferAfterMin: r.buffer_after_min,
    slotIntervalMin: r.slot_interval_min,
    minNoticeMin: r.min_notice_min,
    maxAdvanceDays: r.max_advance_days,
    capacity: r.capacity,
    requiresApproval: r.requires_approval === 1,
    cutoffMin: r.cutoff_min,
    active: r.active === 1,
    staffIds,
  };
}
