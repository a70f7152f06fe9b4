import type { StaffMember } from '../../domain/model.js';
import { isValidTimeZone } from '../../domain/time/zone-offsets.js';
import { newId } from '../../security/ids.js';
import { audited } from '../audited.js';
import { InputCheck } from '../input-rules.js';
import type { Actor, AppContext } from '../ports.js';
import { requireOrg } from '../public/load-public.js';
import { orgIdForAudit } from './admin-org.js';

export interface CreateStaffMemberInput {
  orgSlug: string;
  name: string;
  /** The zone the staff member's working hours are read in; the org's zone when omitted. */
  timeZone?: string | null;
}

export interface CreatedStaffMember {
  id: string;
  orgId: string;
  name: string;
  timeZone: string;
}

/** Adds a person who can be booked; they offer nothing until hours and services are set. */
export async function createStaffMember(ctx: AppContext, input: CreateStaffMemberInput, actor: Actor): Promise<CreatedStaffMember> {
  const audit = { orgId: await orgIdForAudit(ctx, input.orgSlug), actor, action: 'staff.create', objectType: 'staff_member', objectIds: [] };
  return audited(ctx.uow, audit, async () => {
    const check = new InputCheck();
    const name = check.line('name', input.name ?? '', 200);
    if (input.timeZone != null) check.require(isValidTimeZone(input.timeZone), 'timeZone', 'must be an IANA time zone such as Europe/Berlin');
    check.done();
    return ctx.uow.write(async (repos) => {
      const org = await requireOrg(repos, input.orgSlug);
      const now = ctx.clock.now();
      const staff: StaffMember = { id: newId(now), orgId: org.id, name, timeZone: input.timeZone ?? org.timeZone, active: true };
      await repos.staff.insert(staff);
      await repos.audit.record({ ...audit, orgId: org.id, objectIds: [staff.id], outcome: 'success' });
      return { id: staff.id, orgId: staff.orgId, name: staff.name, timeZone: staff.timeZone };
    });
  });
}
