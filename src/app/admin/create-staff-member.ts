import type { StaffMember, StaffProfile } from '../../domain/model.js';
import { newId } from '../../security/ids.js';
import { requireAccess } from '../access/require-access.js';
import type { AuthContext } from '../auth/session-model.js';
import { audited } from '../audited.js';
import type { Actor, AppContext } from '../ports.js';
import { type OrgRef, auditOrgId, findOrg } from './admin-org.js';
import { type StaffChange, cleanStaffChange, saveStaffChange } from './staff-profile-input.js';

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

/** A new staff member as a signed-in admin gives it: a name, the rest optional. */
export interface NewStaffMember extends Omit<StaffChange, 'timeZone' | 'name'> {
  name: string;
  timeZone?: string | null;
}

/** Adds a person who can be booked; they offer nothing until hours and services are set. */
export async function createStaffMember(ctx: AppContext, input: CreateStaffMemberInput, actor: Actor): Promise<CreatedStaffMember> {
  const staff = await addStaffTo(ctx, { slug: input.orgSlug }, input, actor);
  return { id: staff.id, orgId: staff.orgId, name: staff.name, timeZone: staff.timeZone };
}

/** The same for a signed-in owner or admin (the organization is the session's), with account, contact and services. */
export async function addStaffMember(ctx: AppContext, auth: AuthContext | null, input: NewStaffMember): Promise<StaffProfile> {
  const access = await requireAccess(ctx, auth, 'org:manage');
  return addStaffTo(ctx, { id: access.orgId }, input, access.actor);
}

async function addStaffTo(ctx: AppContext, ref: OrgRef, input: NewStaffMember, actor: Actor): Promise<StaffProfile> {
  const audit = { orgId: await auditOrgId(ctx, ref), actor, action: 'staff.create', objectType: 'staff_member', objectIds: [] };
  return audited(ctx.uow, audit, async () => {
    // Every problem at once: the name is required, the rest as for a change.
    const { name, timeZone, ...change } = cleanStaffChange({ ...input, name: input.name ?? '', timeZone: input.timeZone ?? undefined });
    return ctx.uow.write(async (repos) => {
      const org = await findOrg(repos, ref);
      const now = ctx.clock.now();
      const staff: StaffMember = { id: newId(now), orgId: org.id, name: name ?? '', timeZone: timeZone ?? org.timeZone, active: change.active ?? true };
      await repos.staff.insert(staff);
      const blank: StaffProfile = { ...staff, userId: null, email: null, phone: null, serviceIds: [] };
      const profile = Object.keys(change).length > 0 ? await saveStaffChange(repos, blank, change, now) : blank;
      await repos.audit.record({ ...audit, orgId: org.id, objectIds: [staff.id], outcome: 'success' });
      return profile;
    });
  });
}
