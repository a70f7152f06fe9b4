import type { Kysely } from 'kysely';
import type { StaffRepository } from '../../app/ports.js';
import { conflict } from '../../domain/errors.js';
import type { StaffMember, StaffProfile, StaffSchedule } from '../../domain/model.js';
import type { DateOverride, StoredDateOverride, WeeklyHours } from '../../domain/slots/types.js';
import { newId } from '../../security/ids.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import { PreparedQuery } from '../prepared-query.js';
import type { DB } from '../schema.js';
import { uniqueViolationAs } from '../write-errors.js';

type StaffOfOrg = { orgId: string; staffIds: readonly string[] };

const byIdsQuery = new PreparedQuery((db, p: StaffOfOrg) =>
  db.selectFrom('staff_members').selectAll().where('org_id', '=', p.orgId).where('id', 'in', p.staffIds),
);

const hoursQuery = new PreparedQuery((db, p: StaffOfOrg) =>
  db
    .selectFrom('working_hours')
    .select(['staff_id', 'weekday', 'start_min', 'end_min'])
    .where('org_id', '=', p.orgId)
    .where('staff_id', 'in', p.staffIds),
);

const overridesQuery = new PreparedQuery((db, p: StaffOfOrg) =>
  db
    .selectFrom('date_overrides')
    .select(['staff_id', 'date', 'kind', 'start_min', 'end_min'])
    .where('org_id', '=', p.orgId)
    .where('staff_id', 'in', p.staffIds),
);

const contactPlace = (column: 'email' | 'phone', staffId: string) => ({ table: 'staff_members', column, rowId: staffId });

/** Staff members' work email and phone are sealed with their organization's key. */
export class KyselyStaffRepository implements StaffRepository {
  /**
   * Staff members this repository read, by org and id. One repository serves one unit of work;
   * its writes that change what is kept here (insert, update) clear it, markAssigned changes
   * only a column not kept. A booking reads its staff member for the slot check and again for
   * its notices: the second read costs nothing.
   */
  private readonly seen = new Map<string, StaffMember>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly crypto: FieldCrypto,
  ) {}

  async findById(orgId: string, id: string): Promise<StaffMember | null> {
    const seen = this.seen.get(`${orgId}/${id}`);
    if (seen) return seen;
    const [staff] = await this.listByIds(orgId, [id]);
    return staff ?? null;
  }

  async listByIds(orgId: string, ids: readonly string[]): Promise<StaffMember[]> {
    if (ids.length === 0) return [];
    const rows = await byIdsQuery.rows(this.db, { orgId, staffIds: ids });
    return rows.map((r) => {
      const staff = { id: r.id, orgId: r.org_id, name: r.name, timeZone: r.time_zone, active: r.active === 1 };
      this.seen.set(`${orgId}/${r.id}`, staff);
      return staff;
    });
  }

  async list(orgId: string): Promise<StaffMember[]> {
    const rows = await this.db
      .selectFrom('staff_members')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('name')
      .execute();
    return rows.map((r) => ({ id: r.id, orgId: r.org_id, name: r.name, timeZone: r.time_zone, active: r.active === 1 }));
  }

  async findByUserId(orgId: string, userId: string): Promise<StaffMember | null> {
    const r = await this.db
      .selectFrom('staff_members')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return r ? { id: r.id, orgId: r.org_id, name: r.name, timeZone: r.time_zone, active: r.active === 1 } : null;
  }

  async insert(s: StaffMember): Promise<void> {
    this.seen.clear();
    await this.db
      .insertInto('staff_members')
      .values({
        id: s.id,
        org_id: s.orgId,
        name: s.name,
        time_zone: s.timeZone,
        active: s.active ? 1 : 0,
        last_assigned_at: null,
        created_at: Date.now(),
      })
      .execute();
  }

  async profiles(orgId: string, ids?: readonly string[]): Promise<StaffProfile[]> {
    if (ids !== undefined && ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('staff_members')
      .selectAll()
      .where('org_id', '=', orgId)
      .$if(ids !== undefined, (q) => q.where('id', 'in', ids ?? []))
      .orderBy('name')
      .orderBy('id')
      .execute();
    if (rows.length === 0) return [];
    const links = await this.db
      .selectFrom('service_staff')
      .select(['service_id', 'staff_id'])
      .where('org_id', '=', orgId)
      .where(
        'staff_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('service_id')
      .execute();
    return Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        orgId: r.org_id,
        name: r.name,
        timeZone: r.time_zone,
        active: r.active === 1,
        userId: r.user_id,
        email: await this.crypto.openOptional(contactPlace('email', r.id), r.email_enc),
        phone: await this.crypto.openOptional(contactPlace('phone', r.id), r.phone_enc),
        serviceIds: links.filter((l) => l.staff_id === r.id).map((l) => l.service_id),
      })),
    );
  }

  async update(p: Omit<StaffProfile, 'serviceIds'>, serviceIds?: readonly string[]): Promise<void> {
    this.seen.clear();
    const owner = { orgId: p.orgId, type: 'org', id: p.orgId } as const;
    await this.db
      .updateTable('staff_members')
      .set({
        name: p.name,
        time_zone: p.timeZone,
        active: p.active ? 1 : 0,
        user_id: p.userId,
        email_enc: await this.crypto.sealOptional(owner, contactPlace('email', p.id), p.email),
        phone_enc: await this.crypto.sealOptional(owner, contactPlace('phone', p.id), p.phone),
      })
      .where('org_id', '=', p.orgId)
      .where('id', '=', p.id)
      .execute()
      .catch(uniqueViolationAs(() => conflict('This user is already linked to another staff member')));
    if (serviceIds === undefined) return;
    await this.db.deleteFrom('service_staff').where('org_id', '=', p.orgId).where('staff_id', '=', p.id).execute();
    if (serviceIds.length > 0) {
      await this.db
        .insertInto('service_staff')
        .values(serviceIds.map((serviceId) => ({ org_id: p.orgId, service_id: serviceId, staff_id: p.id })))
        .execute();
    }
  }

  async replaceWeeklyHours(orgId: string, staffId: string, hours: WeeklyHours[]): Promise<void> {
    await this.db.deleteFrom('working_hours').where('org_id', '=', orgId).where('staff_id', '=', staffId).execute();
    if (hours.length === 0) return;
    await this.db
      .insertInto('working_hours')
      .values(
        hours.map((h) => ({
          id: newId(),
          org_id: orgId,
          staff_id: staffId,
          weekday: h.weekday,
          start_min: h.start,
          end_min: h.end,
        })),
      )
      .execute();
  }

  async replaceOverride(orgId: string, staffId: string, o: DateOverride): Promise<string> {
    await this.db
      .deleteFrom('date_overrides')
      .where('org_id', '=', orgId)
      .where('staff_id', '=', staffId)
      .where('date', '=', o.date)
      .execute();
    const rows =
      o.kind === 'off'
        ? [{ start_min: null, end_min: null }]
        : o.intervals.map((i) => ({ start_min: i.start, end_min: i.end }));
    // One row per interval; the first row's id names the whole override.
    const values = rows.map((r) => ({ id: newId(), org_id: orgId, staff_id: staffId, date: o.date, kind: o.kind, ...r }));
    await this.db.insertInto('date_overrides').values(values).execute();
    return values[0]?.id ?? '';
  }

  async overrides(orgId: string, staffId: string, from: string | null, to: string | null): Promise<StoredDateOverride[]> {
    const rows = await this.db
      .selectFrom('date_overrides')
      .select(['id', 'date', 'kind', 'start_min', 'end_min'])
      .where('org_id', '=', orgId)
      .where('staff_id', '=', staffId)
      .$if(from !== null, (q) => q.where('date', '>=', from ?? ''))
      .$if(to !== null, (q) => q.where('date', '<=', to ?? ''))
      .orderBy('date')
      .orderBy('id')
      .execute();
    const byDate = new Map<string, StoredDateOverride>();
    for (const r of rows) {
      const entry = byDate.get(r.date) ?? { id: r.id, date: r.date, kind: r.kind as DateOverride['kind'], intervals: [] };
      if (r.start_min !== null && r.end_min !== null) entry.intervals.push({ start: r.start_min, end: r.end_min });
      byDate.set(r.date, entry);
    }
    return [...byDate.values()].map((o) => ({ ...o, intervals: o.intervals.sort((a, b) => a.start - b.start) }));
  }

  async removeOverride(orgId: string, staffId: string, overrideId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('date_overrides')
      .select('date')
      .where('org_id', '=', orgId)
      .where('staff_id', '=', staffId)
      .where('id', '=', overrideId)
      .executeTakeFirst();
    if (!row) return false;
    await this.db
      .deleteFrom('date_overrides')
      .where('org_id', '=', orgId)
      .where('staff_id', '=', staffId)
      .where('date', '=', row.date)
      .execute();
    return true;
  }

  async schedules(orgId: string, staffIds: readonly string[]): Promise<StaffSchedule[]> {
    if (staffIds.length === 0) return [];
    const [staff, hours, overrides] = await Promise.all([
      this.listByIds(orgId, staffIds),
      hoursQuery.rows(this.db, { orgId, staffIds }),
      overridesQuery.rows(this.db, { orgId, staffIds }),
    ]);
    const byId = new Map(staff.map((s) => [s.id, s]));
    return staffIds.flatMap((id) => {
      const s = byId.get(id);
      if (!s) return [];
      const grouped = new Map<string, DateOverride>();
      for (const o of overrides) {
        if (o.staff_id !== id) continue;
        const key = `${o.date}|${o.kind}`;
        const entry = grouped.get(key) ?? { date: o.date, kind: o.kind as DateOverride['kind'], intervals: [] };
        if (o.start_min !== null && o.end_min !== null) entry.intervals.push({ start: o.start_min, end: o.end_min });
        grouped.set(key, entry);
      }
      return [
        {
          staffId: id,
          timeZone: s.timeZone,
          weekly: hours
            .filter((h) => h.staff_id === id)
            .map((h) => ({ weekday: h.weekday, start: h.start_min, end: h.end_min })),
          overrides: [...grouped.values()],
        },
      ];
    });
  }

  async lastAssigned(orgId: string, staffIds: readonly string[]): Promise<Map<string, number | null>> {
    if (staffIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('staff_members')
      .select(['id', 'last_assigned_at'])
      .where('org_id', '=', orgId)
      .where('id', 'in', staffIds)
      .execute();
    return new Map(rows.map((r) => [r.id, r.last_assigned_at]));
  }

  async markAssigned(orgId: string, staffId: string, at: number): Promise<void> {
    await this.db
      .updateTable('staff_members')
      .set({ last_assigned_at: at })
      .where('org_id', '=', orgId)
      .where('id', '=', staffId)
      .execute();
  }
}
