import type { WeeklyHours } from '../../domain/slots/types.js';
import { requireAccess } from '../access/require-access.js';
import type { AuthContext } from '../auth/session-model.js';
import { audited } from '../audited.js';
import { InputCheck } from '../input-rules.js';
import type { Actor, AppContext } from '../ports.js';
import { type PathedInterval, localIntervals, wholeNumber } from './admin-input.js';
import { type OrgRef, auditOrgId, findOrg, requireStaffOf } from './admin-org.js';

export interface SetWorkingHoursInput {
  orgSlug: string;
  staffId: string;
  /** The whole week: weekdays left out are days off. */
  hours: WeeklyHours[];
}

export interface WorkingHoursSet {
  staffId: string;
  timeZone: string;
  hours: WeeklyHours[];
}

const MAX_INTERVALS = 100;

/** Replaces a staff member's weekly hours, read in the staff member's own zone. */
export async function setWorkingHours(ctx: AppContext, input: SetWorkingHoursInput, actor: Actor): Promise<WorkingHoursSet> {
  return replaceWeek(ctx, { slug: input.orgSlug }, input.staffId, input.hours, actor);
}

/** The same for a signed-in owner or admin: the organization is the session's. */
export async function setStaffHours(ctx: AppContext, auth: AuthContext | null, staffId: string, hours: WeeklyHours[]): Promise<WorkingHoursSet> {
  const access = await requireAccess(ctx, auth, 'org:manage', [{ type: 'staff', id: staffId }]);
  return replaceWeek(ctx, { id: access.orgId }, staffId, hours, access.actor);
}

async function replaceWeek(ctx: AppContext, ref: OrgRef, staffId: string, given: WeeklyHours[], actor: Actor): Promise<WorkingHoursSet> {
  const audit = { orgId: await auditOrgId(ctx, ref), actor, action: 'staff.hours.set', objectType: 'staff_member', objectIds: [] };
  return audited(ctx.uow, audit, async () => {
    const hours = cleanWeek(given);
    return ctx.uow.write(
      async (repos) => {
        const org = await findOrg(repos, ref);
        const staff = await requireStaffOf(repos, org, staffId);
        await repos.staff.replaceWeeklyHours(org.id, staff.id, hours);
        await repos.audit.record({ ...audit, orgId: org.id, objectIds: [staff.id], outcome: 'success' });
        return { staffId: staff.id, timeZone: staff.timeZone, hours };
      },
      { lockStaffIds: [staffId] },
    );
  });
}

/** Weekday 0 (Sunday) .. 6, intervals within the day, none overlapping on one weekday. */
function cleanWeek(hours: readonly WeeklyHours[]): WeeklyHours[] {
  const check = new InputCheck();
  const list = Array.isArray(hours) ? hours : [];
  check.require(Array.isArray(hours), 'hours', 'must be a list of weekly intervals');
  check.require(list.length <= MAX_INTERVALS, 'hours', `must have at most ${MAX_INTERVALS} intervals`);
  const byDay = new Map<number, PathedInterval[]>();
  list.forEach((h, i) => {
    const weekday = wholeNumber(check, `hours[${i}].weekday`, h.weekday, 0, 6);
    if (Number.isNaN(weekday)) return;
    byDay.set(weekday, [...(byDay.get(weekday) ?? []), { start: h.start, end: h.end, path: `hours[${i}]` }]);
  });
  const week: WeeklyHours[] = [];
  for (const [weekday, intervals] of [...byDay.entries()].sort((a, b) => a[0] - b[0])) {
    for (const iv of localIntervals(check, intervals)) week.push({ weekday, ...iv });
  }
  check.done();
  return week;
}
