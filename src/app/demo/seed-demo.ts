import { DomainError } from '../../domain/errors.js';
import { instantToLocal } from '../../domain/time/local-time.js';
import { addDays, requirePlainDate, weekdayOf } from '../../domain/time/plain-date.js';
import { createOrganization } from '../admin/create-organization.js';
import { createService } from '../admin/create-service.js';
import { createStaffMember } from '../admin/create-staff-member.js';
import { addDateOverride } from '../admin/add-date-override.js';
import { setWorkingHours } from '../admin/set-working-hours.js';
import { bookAppointment } from '../booking/book-appointment.js';
import type { Actor, AppContext } from '../ports.js';
import { findSlots } from '../public/find-slots.js';
import { DEMO_ORGS, type DemoOrg, type DemoService } from './demo-plan.js';

export interface DemoOrgSummary {
  slug: string;
  services: number;
  staff: number;
  /** Live (pending or confirmed) bookings. */
  bookings: number;
}

export interface DemoSummary {
  /** False when organizations existed already and nothing was added. */
  created: boolean;
  orgs: DemoOrgSummary[];
}

const SATURDAY = 6;
const SEARCH_DAYS = 7;

/**
 * Fills an empty installation with two demo businesses, their staff, hours and a few bookings
 * in the coming days, all through the same use cases a real admin and customer would use.
 * Does nothing when any organization exists.
 */
export async function seedDemo(ctx: AppContext, actor: Actor): Promise<DemoSummary> {
  const existing = await ctx.uow.read((repos) => repos.orgs.list());
  if (existing.length > 0) return { created: false, orgs: await summarize(ctx, existing.map((o) => o.slug)) };
  try {
    for (const plan of DEMO_ORGS) await seedOrg(ctx, plan, actor);
  } catch (e) {
    // Another process seeded at the same moment: its demo stands, ours is not needed.
    if (e instanceof DomainError && e.code === 'conflict') {
      return { created: false, orgs: await summarize(ctx, DEMO_ORGS.map((o) => o.slug)) };
    }
    throw e;
  }
  return { created: true, orgs: await summarize(ctx, DEMO_ORGS.map((o) => o.slug)) };
}

async function seedOrg(ctx: AppContext, plan: DemoOrg, actor: Actor): Promise<void> {
  const orgSlug = plan.slug;
  await createOrganization(ctx, { slug: orgSlug, name: plan.name, timeZone: plan.timeZone, locale: plan.locale }, actor);
  const staffIds: string[] = [];
  for (const name of plan.staff) {
    const staff = await createStaffMember(ctx, { orgSlug, name }, actor);
    await setWorkingHours(ctx, { orgSlug, staffId: staff.id, hours: plan.week }, actor);
    staffIds.push(staff.id);
  }

  const today = instantToLocal(plan.timeZone, ctx.clock.now()).date;
  const dayOff = nextDate(today, 2, (weekday) => weekday >= 1 && weekday <= 5);
  const saturday = nextDate(today, 1, (weekday) => weekday === SATURDAY);
  await addDateOverride(ctx, { orgSlug, staffId: at(staffIds, 1), date: dayOff, kind: 'off', intervals: [] }, actor);
  await addDateOverride(ctx, { orgSlug, staffId: at(staffIds, 0), date: saturday, kind: 'extra', intervals: [plan.saturdayExtra] }, actor);

  let customerNo = 0;
  for (const { staff, bookings, ...fields } of plan.services) {
    const service = await createService(ctx, { ...fields, orgSlug, staffIds: staff.map((i) => at(staffIds, i)) }, actor);
    const start = await pickStart(ctx, plan, service.id, today, bookings);
    if (start === null) continue;
    for (let i = 0; i < bookings.customers; i++) {
      customerNo += 1;
      const request = {
        serviceId: service.id,
        start,
        timeZone: plan.timeZone,
        customer: plan.customer(customerNo),
        notes: null,
        consent: { privacyNoticeVersion: 'demo' },
      };
      await bookAppointment(ctx, orgSlug, request, null, actor);
    }
  }
}

/** An offered start from tomorrow on; null if the service offers nothing in the coming week. */
async function pickStart(ctx: AppContext, plan: DemoOrg, serviceId: string, today: string, want: DemoService['bookings']): Promise<string | null> {
  const from = addDays(today, 1);
  const { slots } = await findSlots(ctx, { orgSlug: plan.slug, serviceId, from, to: addDays(from, SEARCH_DAYS - 1), timeZone: plan.timeZone });
  const slot = slots[Math.min(want.slotIndex, slots.length - 1)];
  return slot?.start ?? null;
}

/** The first date at least `minDaysAhead` after `today` whose weekday matches. */
function nextDate(today: string, minDaysAhead: number, matches: (weekday: number) => boolean): string {
  for (let d = minDaysAhead; ; d++) {
    const date = addDays(today, d);
    if (matches(weekdayOf(requirePlainDate(date)))) return date;
  }
}

function at(ids: readonly string[], index: number): string {
  const id = ids[index];
  if (id === undefined) throw new RangeError(`Demo plan names staff #${index}, which does not exist`);
  return id;
}

async function summarize(ctx: AppContext, slugs: readonly string[]): Promise<DemoOrgSummary[]> {
  return ctx.uow.read(async (repos) => {
    const out: DemoOrgSummary[] = [];
    for (const slug of slugs) {
      const org = await repos.orgs.findBySlug(slug);
      if (!org) continue;
      const services = await repos.services.listActive(org.id);
      const staff = await repos.staff.list(org.id);
      const live = await repos.bookings.countLive(org.id, staff.map((s) => s.id), 0, Number.MAX_SAFE_INTEGER);
      out.push({ slug, services: services.length, staff: staff.length, bookings: [...live.values()].reduce((a, b) => a + b, 0) });
    }
    return out;
  });
}
