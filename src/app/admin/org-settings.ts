import { type BookingPolicies, LOCALES, type Locale } from '../../domain/model.js';
import { isValidTimeZone } from '../../domain/time/zone-offsets.js';
import { requireAccess } from '../access/require-access.js';
import type { AuthContext } from '../auth/session-model.js';
import { audited } from '../audited.js';
import { InputCheck } from '../input-rules.js';
import type { AppContext, Repositories } from '../ports.js';
import { findOrg } from './admin-org.js';
import { cleanPolicies } from './create-organization.js';

export interface OrgSettings {
  name: string;
  slug: string;
  timeZone: string;
  locale: Locale;
  policies: BookingPolicies;
  /** Sites that may embed the booking page (its frame-ancestors). */
  allowedFrameOrigins: string[];
}

export interface OrgSettingsChange {
  name?: string;
  timeZone?: string;
  locale?: Locale;
  policies?: Partial<BookingPolicies>;
  allowedFrameOrigins?: string[];
}

const MAX_FRAME_ORIGINS = 20;
// A lowercase DNS name (punycode for other scripts) or IPv4 address and an optional port: no wildcard.
const HTTPS_ORIGIN = /^https:\/\/[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+(?::\d{1,5})?$/;

/** The caller's organization: name, zone, language, booking policies and embedding origins. */
export async function getOrgSettings(ctx: AppContext, auth: AuthContext | null): Promise<OrgSettings> {
  const access = await requireAccess(ctx, auth, 'org:read');
  return ctx.uow.read((repos) => settingsOf(repos, access.orgId));
}

/** Changes the caller's organization's settings; fields left out keep their value. */
export async function updateOrgSettings(ctx: AppContext, auth: AuthContext | null, change: OrgSettingsChange): Promise<OrgSettings> {
  const access = await requireAccess(ctx, auth, 'org:manage');
  const audit = { orgId: access.orgId, actor: access.actor, action: 'organization.update', objectType: 'organization', objectIds: [access.orgId] };
  return audited(ctx.uow, audit, () =>
    ctx.uow.write(async (repos) => {
      const org = await findOrg(repos, { id: access.orgId });
      const check = new InputCheck();
      const name = change.name === undefined ? org.name : check.line('name', change.name, 200);
      const timeZone = change.timeZone ?? org.timeZone;
      check.require(isValidTimeZone(timeZone), 'timeZone', 'must be an IANA time zone such as Europe/Berlin');
      const locale = change.locale ?? org.locale;
      check.require(LOCALES.includes(locale), 'locale', `must be one of ${LOCALES.join(', ')}`);
      const policies = cleanPolicies(check, change.policies ?? {}, org.policies);
      const origins = change.allowedFrameOrigins === undefined ? null : frameOrigins(check, change.allowedFrameOrigins);
      check.done();
      await repos.orgs.update({ ...org, name, timeZone, locale, policies });
      if (origins !== null) await repos.orgs.setAllowedFrameOrigins(org.id, origins);
      // Which settings changed, never their values.
      await repos.audit.record({ ...audit, outcome: 'success', reason: Object.keys(change).sort().join(',') || null });
      return settingsOf(repos, org.id);
    }),
  );
}

/** The origins allowed to frame an organization's booking page; none for an unknown slug. */
export async function bookingPageFrameOrigins(ctx: AppContext, orgSlug: string): Promise<string[]> {
  return ctx.uow.read((repos) => repos.orgs.allowedFrameOrigins({ slug: orgSlug }));
}

async function settingsOf(repos: Repositories, orgId: string): Promise<OrgSettings> {
  const org = await findOrg(repos, { id: orgId });
  const allowedFrameOrigins = await repos.orgs.allowedFrameOrigins({ id: orgId });
  return { name: org.name, slug: org.slug, timeZone: org.timeZone, locale: org.locale, policies: org.policies, allowedFrameOrigins };
}

/**
 * Origins as a browser sends them: https, a host name and an optional port; no path, query,
 * credentials or wildcard, since each becomes part of a Content-Security-Policy header.
 * Returned normalized (lowercase host, default port dropped) and without duplicates.
 */
function frameOrigins(check: InputCheck, given: readonly string[]): string[] {
  check.require(given.length <= MAX_FRAME_ORIGINS, 'allowedFrameOrigins', `must have at most ${MAX_FRAME_ORIGINS} origins`);
  const out: string[] = [];
  given.forEach((value, i) => {
    const origin = normalizedOrigin(value);
    check.require(
      origin !== null,
      `allowedFrameOrigins[${i}]`,
      'must be an https origin such as https://www.example.com (a host and optional port; no path or wildcard)',
      'invalid_origin',
    );
    if (origin !== null && !out.includes(origin)) out.push(origin);
  });
  return out;
}

function normalizedOrigin(value: string): string | null {
  if (typeof value !== 'string' || value.length > 300 || /[*\s;,'"]/.test(value) || !URL.canParse(value)) return null;
  const url = new URL(value);
  const bare = url.protocol === 'https:' && url.username === '' && url.password === '' && url.pathname === '/' && url.search === '' && url.hash === '';
  // Anything written beyond scheme, host and port (even an empty "?" or "#") is refused.
  const written = value.toLowerCase().replace(/\/$/, '');
  const plain = written === url.origin || written === `${url.origin}:443`;
  return bare && plain && HTTPS_ORIGIN.test(url.origin) ? url.origin : null;
}
