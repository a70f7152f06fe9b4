import type { DateOverride } from '../../domain/slots/types.js';
import { parsePlainDate } from '../../domain/time/plain-date.js';
import { requireAccess } from '../access/require-access.js';
import type { AuthContext } from '../auth/session-model.js';
import { audited } from '../audited.js';
import { InputCheck } from '../input-rules.js';
import type { Actor, AppContext } from '../ports.js';
import { localIntervals } from './admin-input.js';
import { type OrgRef, auditOrgId, findOrg, requireStaffOf } from './admin-org.js';

export interface AddDateOverrideInput extends DateOverride {
  orgSlug: string;
  staffId: string;
}

export interface DateOverrideSet {
  staffId: string;
  timeZone: string;
  /** Names the override, e.g. to remove it. */
  overrideId: string;
  override: DateOverride;
}

const KINDS: readonly DateOverride['kind'][] = ['off', 'hours', 'extra'];

/**
 * Changes one local date of a staff member's calendar: a day off, other hours instead of the
 * weekly ones, or extra hours on top. Replaces whatever that date had before.
 */
export async function addDateOverride(ctx: AppContext, input: AddDateOverrideInput, actor: Actor): Promise<DateOverrideSet> {
  return setOverride(ctx, { slug: input.orgSlug }, input.staffId, input, actor);
}

/** The same for a signed-in owner or admin: the organization is the session's. */
export async function addStaffOverride(ctx: AppContext, auth: AuthContext | null, staffId: string, input: DateOverride): Promise<DateOverrideSet> {
  const access = await requireAccess(ctx, auth, 'org:manage', [{ type: 'staff', id: staffId }]);
  return setOverride(ctx, { id: access.orgId }, staffId, input, access.actor);
}

async function setOverride(ctx: AppContext, ref: OrgRef, staffId: string, input: DateOverride, actor: Actor): Promise<DateOverrideSet> {
  const audit = { orgId: await auditOrgId(ctx, ref), actor, action: 'staff.override.set', objectType: 'staff_member', objectIds: [] };
  return audited(ctx.uow, audit, async () => {
    const override = cleanOverride(input);
    return ctx.uow.write(
      async (repos) => {
        const org = await findOrg(repos, ref);
        const staff = await requireStaffOf(repos, org, staffId);
        const overrideId = await repos.staff.replaceOverride(org.id, staff.id, override);
        await repos.audit.record({ ...audit, orgId: org.id, objectIds: [staff.id, overrideId], outcome: 'success' });
        return { staffId: staff.id, timeZone: staff.timeZone, overrideId, override };
      },
      { lockStaffIds: [staffId] },
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
