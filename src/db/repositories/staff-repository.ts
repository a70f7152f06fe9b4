import type { Kysely } from 'kysely';
import type { StaffRepository } from '../../app/ports.js';
import type { StaffMember, StaffSchedule } from '../../domain/model.js';
import type { DateOverride, WeeklyHours } from '../../domain/slots/types.js';
import { newId } from '../../security/ids.js';
import type { DB } from '../schema.js';

export class KyselyStaffRepository implements StaffRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async findById(orgId: string, id: string): Promise<StaffMember | null> {
    const [staff] = await this.listByIds(orgId, [id]);
    return staff ?? null;
  }

  async listByIds(orgId: string, ids: readonly string[]): Promise<StaffMember[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('staff_members')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .execute();
    return rows.map((r) => ({ id: r.id, orgId: r.org_id, name: r.name, timeZone: r.time_zone, active: r.active === 1 }));
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

  async replaceOverride(orgId: string, staffId: string, o: DateOverride): Promise<void> {
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
    await this.db
      .insertInto('date_overrides')
      .values(rows.map((r) => ({ id: newId(), org_id: orgId, staff_id: staffId, date: o.date, kind: o.kind, ...r })))
      .execute();
  }

  async schedules(orgId: string, staffIds: readonly string[]): Promise<StaffSchedule[]> {
    if (staffIds.length === 0) return [];
    const [staff, hours, overrides] = await Promise.all([
      this.listByIds(orgId, staffIds),
      this.db
        .selectFrom('working_hours')
        .select(['staff_id', 'weekday', 'start_min', 'end_min'])
        .where('org_id', '=', orgId)
        .where('staff_id', 'in', staffIds)
        .execute(),
      this.db
        .selectFrom('date_overrides')
        .select(['staff_id', 'date', 'kind', 'start_min', 'end_min'])
        .where('org_id', '=', orgId)
        .where('staff_id', 'in', staffIds)
        .execute(),
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
