import { conflict } from '../../domain/errors.js';
import { type BookingPolicies, DEFAULT_POLICIES, LOCALES, type Locale, type Organization } from '../../domain/model.js';
import { isValidTimeZone } from '../../domain/time/zone-offsets.js';
import { newId } from '../../security/ids.js';
import { audited } from '../audited.js';
import { InputCheck } from '../input-rules.js';
import type { Actor, AppContext } from '../ports.js';
import { wholeNumber } from './admin-input.js';

export interface CreateOrganizationInput {
  slug: string;
  name: string;
  timeZone: string;
  locale: Locale;
  policies?: Partial<BookingPolicies>;
}

export type CreatedOrganization = Omit<Organization, 'createdAt'>;

/** Lowercase letters, digits and inner hyphens, 3 to 63 characters: safe in URLs and DNS labels. */
const SLUG = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
/** How long a hold may last, and how far before an appointment online changes may close. */
export const BOOKING_POLICY_BOUNDS = { holdMinutes: { min: 1, max: 60 }, defaultCutoffMinutes: { min: 0, max: 30 * 24 * 60 } } as const;

/** Registers a business; its slug names its public booking page and must be unused. */
export async function createOrganization(ctx: AppContext, input: CreateOrganizationInput, actor: Actor): Promise<CreatedOrganization> {
  const audit = { orgId: null, actor, action: 'organization.create', objectType: 'organization', objectIds: [] };
  return audited(ctx.uow, audit, async () => {
    const clean = cleanOrganization(input);
    return ctx.uow.write(async (repos) => {
      if (await repos.orgs.findBySlug(clean.slug)) throw conflict(`The slug "${clean.slug}" is already taken`);
      const now = ctx.clock.now();
      const org: Organization = { id: newId(now), ...clean, createdAt: now };
      await repos.orgs.insert(org);
      await repos.audit.record({ ...audit, orgId: org.id, objectIds: [org.id], outcome: 'success' });
      return { id: org.id, slug: org.slug, name: org.name, timeZone: org.timeZone, locale: org.locale, policies: org.policies };
    });
  });
}

function cleanOrganization(input: CreateOrganizationInput): Omit<Organization, 'id' | 'createdAt'> {
  const check = new InputCheck();
  const slug = typeof input.slug === 'string' ? input.slug.trim() : '';
  check.require(SLUG.test(slug), 'slug', 'must be 3-63 lowercase letters, digits or hyphens, not starting or ending with a hyphen');
  const name = check.line('name', input.name ?? '', 200);
  check.require(isValidTimeZone(input.timeZone), 'timeZone', 'must be an IANA time zone such as Europe/Berlin');
  check.require(LOCALES.includes(input.locale), 'locale', `must be one of ${LOCALES.join(', ')}`);
  const policies = cleanPolicies(check, input.policies ?? {}, DEFAULT_POLICIES);
  check.done();
  return { slug, name, timeZone: input.timeZone, locale: input.locale, policies };
}

/** Booking policies: the given ones checked, the others as in `base`. */
export function cleanPolicies(check: InputCheck, given: Partial<BookingPolicies>, base: BookingPolicies): BookingPolicies {
  const { holdMinutes: hold, defaultCutoffMinutes: cutoff } = BOOKING_POLICY_BOUNDS;
  return {
    holdMinutes: wholeNumber(check, 'policies.holdMinutes', given.holdMinutes ?? base.holdMinutes, hold.min, hold.max),
    defaultCutoffMinutes: wholeNumber(check, 'policies.defaultCutoffMinutes', given.defaultCutoffMinutes ?? base.defaultCutoffMinutes, cutoff.min, cutoff.max),
  };
}
