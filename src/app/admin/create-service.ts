import { invalidRequest } from '../../domain/errors.js';
import type { Service } from '../../domain/model.js';
import { MAX_RULE_MINUTES } from '../../domain/slots/slot-rules.js';
import { MINUTES_PER_DAY } from '../../domain/time/units.js';
import { newId } from '../../security/ids.js';
import { requireAccess } from '../access/require-access.js';
import type { AuthContext } from '../auth/session-model.js';
import { audited } from '../audited.js';
import { InputCheck } from '../input-rules.js';
import type { Actor, AppContext, Repositories } from '../ports.js';
import { wholeNumber } from './admin-input.js';
import { type OrgRef, auditOrgId, findOrg } from './admin-org.js';

export interface CreateServiceInput extends ServiceFields {
  orgSlug: string;
}

/** What an admin sets on a service. */
export interface ServiceFields {
  name: string;
  description?: string;
  durationMin: number;
  /** In the currency's minor unit; together with `currency`, or neither. */
  priceCents?: number | null;
  /** ISO 4217, e.g. EUR, CNY. */
  currency?: string | null;
  bufferBeforeMin?: number;
  bufferAfterMin?: number;
  /** Distance between offered starts; the duration when omitted. */
  slotIntervalMin?: number;
  minNoticeMin?: number;
  /** How far ahead customers may book; omitted: 90 days, null: no limit. */
  maxAdvanceDays?: number | null;
  capacity?: number;
  requiresApproval?: boolean;
  /** Minutes before the start after which customers can no longer change online; the org's default when omitted. */
  cutoffMin?: number;
  staffIds: string[];
}

export type CreatedService = Service;

export const SERVICE_DEFAULTS = { minNoticeMin: 60, maxAdvanceDays: 90, capacity: 1 } as const;
const MAX_PRICE_CENTS = 100_000_000;
const MAX_NOTICE_MIN = 365 * MINUTES_PER_DAY;
const MAX_ADVANCE_DAYS = 730;
const MAX_CAPACITY = 1000;
const MAX_CUTOFF_MIN = 30 * MINUTES_PER_DAY;
const CURRENCY = /^[A-Z]{3}$/;

/** Adds a bookable service offered by some of the org's staff. */
export async function createService(ctx: AppContext, input: CreateServiceInput, actor: Actor): Promise<CreatedService> {
  return addServiceTo(ctx, { slug: input.orgSlug }, input, actor);
}

/** The same for a signed-in owner or admin: the organization is the session's. */
export async function addService(ctx: AppContext, auth: AuthContext | null, input: ServiceFields): Promise<CreatedService> {
  const access = await requireAccess(ctx, auth, 'org:manage');
  return addServiceTo(ctx, { id: access.orgId }, input, access.actor);
}

async function addServiceTo(ctx: AppContext, ref: OrgRef, input: ServiceFields, actor: Actor): Promise<CreatedService> {
  const audit = { orgId: await auditOrgId(ctx, ref), actor, action: 'service.create', objectType: 'service', objectIds: [] };
  return audited(ctx.uow, audit, async () => {
    const clean = cleanService(input);
    return ctx.uow.write(async (repos) => {
      const org = await findOrg(repos, ref);
      const service: Service = {
        id: newId(ctx.clock.now()),
        orgId: org.id,
        ...clean,
        cutoffMin: clean.cutoffMin ?? org.policies.defaultCutoffMinutes,
      };
      await requireStaffIdsOf(repos, org.id, service.staffIds);
      await repos.services.insert(service);
      await repos.audit.record({ ...audit, orgId: org.id, objectIds: [service.id], outcome: 'success' });
      return service;
    });
  });
}

/** Every id names a staff member of the org (400 naming the others). */
export async function requireStaffIdsOf(repos: Repositories, orgId: string, staffIds: readonly string[]): Promise<void> {
  const found = await repos.staff.listByIds(orgId, staffIds);
  const missing = staffIds.filter((id) => !found.some((s) => s.id === id));
  if (missing.length > 0) {
    throw invalidRequest(
      'Unknown staff member',
      missing.map((id) => ({ path: `staffIds[${staffIds.indexOf(id)}]`, message: 'is not a staff member of this organization' })),
    );
  }
}

export type CleanService = Omit<Service, 'id' | 'orgId' | 'cutoffMin'> & { cutoffMin: number | null };

/** Checks every field at once; a new service is active. */
export function cleanService(input: ServiceFields): CleanService {
  const check = new InputCheck();
  const name = check.line('name', input.name ?? '', 200);
  const description = check.text('description', input.description ?? '', 2000);
  const durationMin = wholeNumber(check, 'durationMin', input.durationMin, 5, MAX_RULE_MINUTES);
  const priceCents = input.priceCents == null ? null : wholeNumber(check, 'priceCents', input.priceCents, 0, MAX_PRICE_CENTS);
  const currency = input.currency == null ? null : input.currency.trim().toUpperCase();
  if (currency !== null) check.require(CURRENCY.test(currency), 'currency', 'must be an ISO 4217 code such as EUR or CNY');
  check.require((priceCents === null) === (currency === null), priceCents === null ? 'priceCents' : 'currency', 'price and currency go together');
  const staffIds = Array.isArray(input.staffIds) ? [...new Set(input.staffIds)] : [];
  check.require(staffIds.length > 0, 'staffIds', 'must name at least one staff member');
  const service: CleanService = {
    locationId: null,
    name,
    description,
    durationMin,
    priceCents,
    currency,
    bufferBeforeMin: wholeNumber(check, 'bufferBeforeMin', input.bufferBeforeMin ?? 0, 0, MAX_RULE_MINUTES),
    bufferAfterMin: wholeNumber(check, 'bufferAfterMin', input.bufferAfterMin ?? 0, 0, MAX_RULE_MINUTES),
    slotIntervalMin: input.slotIntervalMin == null ? durationMin : wholeNumber(check, 'slotIntervalMin', input.slotIntervalMin, 5, MINUTES_PER_DAY),
    minNoticeMin: wholeNumber(check, 'minNoticeMin', input.minNoticeMin ?? SERVICE_DEFAULTS.minNoticeMin, 0, MAX_NOTICE_MIN),
    maxAdvanceDays:
      input.maxAdvanceDays === null
        ? null
        : wholeNumber(check, 'maxAdvanceDays', input.maxAdvanceDays ?? SERVICE_DEFAULTS.maxAdvanceDays, 1, MAX_ADVANCE_DAYS),
    capacity: wholeNumber(check, 'capacity', input.capacity ?? SERVICE_DEFAULTS.capacity, 1, MAX_CAPACITY),
    requiresApproval: input.requiresApproval ?? false,
    cutoffMin: input.cutoffMin == null ? null : wholeNumber(check, 'cutoffMin', input.cutoffMin, 0, MAX_CUTOFF_MIN),
    active: true,
    staffIds,
  };
  check.require(typeof service.requiresApproval === 'boolean', 'requiresApproval', 'must be true or false');
  check.done();
  return service;
}
