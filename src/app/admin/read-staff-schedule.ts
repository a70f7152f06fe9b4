import { invalidRequest } from '../../domain/errors.js';
import type { StoredDateOverride, WeeklyHours } from '../../domain/slots/types.js';
import { parsePlainDate } from '../../domain/time/plain-date.js';
import { requireAccess } from '../access/require-access.js';
import type { AuthContext } from '../auth/session-model.js';
import type { AppContext } from '../ports.js';
import type { WorkingHoursSet } from './set-working-hours.js';

/** A staff member's weekly hours (weekday 0 = Sunday), read in their own zone. */
export async function staffHours(ctx: AppContext, auth: AuthContext | null, staffId: string): Promise<WorkingHoursSet> {
  const access = await requireAccess(ctx, auth, 'org:read', [{ type: 'staff', id: staffId }]);
  const [schedule] = await ctx.uow.read((repos) => repos.staff.schedules(access.orgId, [staffId]));
  const hours: WeeklyHours[] = [...(schedule?.weekly ?? [])].sort((a, b) => a.weekday - b.weekday || a.start - b.start);
  return { staffId, timeZone: schedule?.timeZone ?? '', hours };
}

/** A staff member's date overrides with dates in [from, to] (either may be open), by date. */
export async function staffOverrides(
  ctx: AppContext,
  auth: AuthContext | null,
  staffId: string,
  range: { from?: string; to?: string },
): Promise<StoredDateOverride[]> {
  const access = await requireAccess(ctx, auth, 'org:read', [{ type: 'staff', id: staffId }]);
  const from = range.from ?? null;
  const to = range.to ?? null;
  const problems = [
    from !== null && parsePlainDate(from) === null ? { path: 'querystring.from', message: 'must be a date YYYY-MM-DD' } : null,
    to !== null && parsePlainDate(to) === null ? { path: 'querystring.to', message: 'must be a date YYYY-MM-DD' } : null,
    from !== null && to !== null && from > to ? { path: 'querystring.to', message: 'must not be before from' } : null,
  ].filter((p) => p !== null);
  if (problems.length > 0) throw invalidRequest('The date range is not valid', problems);
  return ctx.uow.read((repos) => repos.staff.overrides(access.orgId, staffId, from, to));
}
