import { notFound } from '../../domain/errors.js';
import { MS_PER_DAY } from '../../domain/time/units.js';
import { newId } from '../../security/ids.js';
import { hashToken, newSecretToken } from '../../security/tokens.js';
import { orgIdForAudit, requireOrgStaff } from '../admin/admin-org.js';
import { audited } from '../audited.js';
import type { Actor, AppContext } from '../ports.js';
import type { CalendarFeed } from './notification-ports.js';

const PAST_DAYS = 30;
const FUTURE_DAYS = 180;

export function calendarFeedUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/api/v1/calendar/${token}.ics`;
}

export interface CreatedFeed {
  feed: CalendarFeed;
  /** Shown once; the database keeps only its hash. */
  url: string;
}

/** A subscription URL for a staff member's calendar (Google, Apple, Outlook). */
export async function createCalendarFeed(ctx: AppContext, input: { orgSlug: string; staffId: string }, actor: Actor): Promise<CreatedFeed> {
  const audit = { orgId: await orgIdForAudit(ctx, input.orgSlug), actor, action: 'calendar_feed.create', objectType: 'calendar_feed', objectIds: [] };
  return audited(ctx.uow, audit, () =>
    ctx.uow.write(async (repos) => {
      const { org, staff } = await requireOrgStaff(repos, input.orgSlug, input.staffId);
      const now = ctx.clock.now();
      const token = newSecretToken();
      const feed: CalendarFeed = { id: newId(now), orgId: org.id, staffId: staff.id, createdAt: now, revokedAt: null };
      await repos.calendarFeeds.insert(feed, hashToken(token));
      await repos.audit.record({ ...audit, orgId: org.id, objectIds: [feed.id, staff.id], outcome: 'success' });
      return { feed, url: calendarFeedUrl(ctx.publicUrl, token) };
    }),
  );
}

/** Kills a feed URL for good (a leaked URL, a staff member who left). */
export async function revokeCalendarFeed(ctx: AppContext, input: { orgSlug: string; feedId: string }, actor: Actor): Promise<{ id: string; revoked: true }> {
  const audit = { orgId: await orgIdForAudit(ctx, input.orgSlug), actor, action: 'calendar_feed.revoke', objectType: 'calendar_feed', objectIds: [input.feedId] };
  return audited(ctx.uow, audit, () =>
    ctx.uow.write(async (repos) => {
      const org = await repos.orgs.findBySlug(input.orgSlug);
      if (!org || !(await repos.calendarFeeds.revoke(org.id, input.feedId, ctx.clock.now()))) throw notFound('Calendar feed');
      await repos.audit.record({ ...audit, orgId: org.id, outcome: 'success' });
      return { id: input.feedId, revoked: true as const };
    }),
  );
}

export interface FeedContent {
  name: string;
  stamp: number;
  events: { uid: string; sequence: number; start: number; end: number; summary: string; tentative: boolean }[];
}

/**
 * What a feed shows: the staff member's pending and confirmed bookings from 30 days back to
 * 180 ahead, each as service and the customer's first name (full names only if the org allows).
 */
export async function readCalendarFeed(ctx: AppContext, token: string, host: string, actor: Actor): Promise<FeedContent> {
  const audit = { orgId: null, actor, action: 'calendar_feed.read', objectType: 'calendar_feed', objectIds: [] };
  return audited(ctx.uow, audit, () =>
    ctx.uow.write(async (repos) => {
      const feed = await repos.calendarFeeds.findByTokenHash(hashToken(token));
      const staff = feed ? await repos.staff.findById(feed.orgId, feed.staffId) : null;
      if (!feed || !staff) throw notFound('Calendar feed');
      const now = ctx.clock.now();
      const [org, settings, services, bookings] = await Promise.all([
        repos.orgs.findById(feed.orgId),
        repos.notifications.settings(feed.orgId),
        repos.services.listActive(feed.orgId),
        repos.calendarFeeds.bookings(feed.orgId, feed.staffId, now - PAST_DAYS * MS_PER_DAY, now + FUTURE_DAYS * MS_PER_DAY),
      ]);
      const serviceNames = new Map(services.map((s) => [s.id, s.name]));
      const events: FeedContent['events'] = [];
      for (const b of bookings) {
        const customer = b.customerId ? await repos.customers.findById(feed.orgId, b.customerId) : null;
        const who = customer && !customer.erased ? (settings.calendarFeedFullNames ? customer.name : firstName(customer.name)) : '';
        const service = serviceNames.get(b.serviceId) ?? '';
        events.push({ uid: `${b.id}@${host}`, sequence: b.version, start: b.start, end: b.end, summary: who ? `${service} – ${who}` : service, tentative: b.status === 'pending' });
      }
      await repos.audit.record({ ...audit, orgId: feed.orgId, objectIds: [feed.id], outcome: 'success' });
      return { name: `${staff.name} – ${org?.name ?? ''}`, stamp: now, events };
    }),
  );
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}
