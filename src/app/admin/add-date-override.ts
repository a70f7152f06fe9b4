import type { DateOverride } from '../../domain/slots/types.js';
import { parsePlainDate } from '../../domain/time/plain-date.js';
import { audited } from '../audited.js';
import { InputCheck } from '../input-rules.js';
import type { Actor, AppContext } from '../ports.js';
import { localIntervals } from './admin-input.js';
import { orgIdForAudit, requireOrgStaff } from './admin-org.js';

export interface AddDateOverrideInput extends DateOverride {
  orgSlug: string;
  staffId: string;
}

export interface DateOverrideSet {
  staffId: string;
  timeZone: string;
  override: DateOverride;
}

const KINDS: readonly DateOverride['kind'][] = ['off', 'hours', 'extra'];

/**
 * Changes one local date of a staff member's calendar: a day off, other hours instead of the
 * weekly ones, or extra hours on top. Replaces whatever that date had before.
 */
export async function addDateOverride(ctx: AppContext, input: AddDateOverrideInput, actor: Actor): Promise<DateOverrideSet> {
  const audit = { orgId: await orgIdForAudit(ctx, input.orgSlug), actor, action: 'staff.override.set', objectType: 'staff_member', objectIds: [] };
  return audited(ctx.uow, audit, async () => {
    const override = cleanOverride(input);
    return ctx.uow.write(
      async (repos) => {
        const { org, staff } = await requireOrgStaff(repos, input.orgSlug, input.staffId);
        await repos.staff.replaceOverride(org.id, staff.id, override);
        await repos.audit.record({ ...audit, orgId: org.id, objectIds: [staff.id], outcome: 'success' });
        return { staffId: staff.id, timeZone: staff.timeZone, override };
      },
      { lockStaffIds: [input.staffId] },
    );
  });
}

function cleanOverride(input: DateOverride): DateOverride {
  const check = new InputCheck();
  check.require(typeof input.date === 'string' && parsePlainDate(input.date) !== null, 'date', 'must be a date YYYY-MM-DD');
  check.require(KINDS.includes(input.kind), 'kind', `must be one of ${KINDS.join(', ')}`);
  const given = Array.isArray(input.intervals) ? input.intervals : [];
  check.require(Array.isArray(input.intervals) || input.kind === 'off', 'intervals', 'must be a list of intervals');
  if (input.kind === 'off') check.require(given.length === 0, 'intervals', 'a day off has no intervals');
  else check.require(given.length > 0, 'intervals', 'must have at least one interval (use kind "off" for a day off)');
  check.require(given.length <= 24, 'intervals', 'must have at most 24 intervals');
  const intervals = localIntervals(
    check,
    given.map((iv, i) => ({ start: iv.start, end: iv.end, path: `intervals[${i}]` })),
  );
  check.done();
  return { date: input.date, kind: input.kind, intervals: input.kind === 'off' ? [] : intervals };
}
