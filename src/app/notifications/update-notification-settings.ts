import type { NotificationSettings } from '../../domain/notifications/notification-settings.js';
import { orgIdForAudit } from '../admin/admin-org.js';
import { audited } from '../audited.js';
import { InputCheck } from '../input-rules.js';
import { requireAccess } from '../access/require-access.js';
import type { AuthContext } from '../auth/session-model.js';
import type { Actor, AppContext, Repositories } from '../ports.js';
import { requireOrg } from '../public/load-public.js';

export interface UpdateNotificationSettingsInput extends Partial<NotificationSettings> {
  orgSlug: string;
}

const MAX_REMINDER_MIN = 30 * 24 * 60;
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Changes what the org chose about reminders, quiet hours, message contents and webhook hosts. */
export async function updateNotificationSettings(ctx: AppContext, input: UpdateNotificationSettingsInput, actor: Actor): Promise<NotificationSettings> {
  const { orgSlug, ...changes } = input;
  return save(ctx, await orgIdForAudit(ctx, orgSlug), changes, actor, async (repos) => (await requireOrg(repos, orgSlug)).id);
}

/** The signed-in organization's message settings (owner, admin, auditor). */
export async function getOrgNotificationSettings(ctx: AppContext, auth: AuthContext | null): Promise<NotificationSettings> {
  const access = await requireAccess(ctx, auth, 'audit:read');
  return ctx.uow.read((repos) => repos.notifications.settings(access.orgId));
}

/** The same change for the signed-in organization (owner, admin). */
export async function updateOrgNotificationSettings(ctx: AppContext, auth: AuthContext | null, changes: Partial<NotificationSettings>): Promise<NotificationSettings> {
  const access = await requireAccess(ctx, auth, 'org:manage');
  return save(ctx, access.orgId, changes, access.actor, async () => access.orgId);
}

async function save(
  ctx: AppContext,
  auditOrgId: string | null,
  changes: Partial<NotificationSettings>,
  actor: Actor,
  orgOf: (repos: Repositories) => Promise<string>,
): Promise<NotificationSettings> {
  const audit = { orgId: auditOrgId, actor, action: 'notification_settings.update', objectType: 'organization', objectIds: [] };
  return audited(ctx.uow, audit, () =>
    ctx.uow.write(async (repos) => {
      const orgId = await orgOf(repos);
      const next = clean({ ...(await repos.notifications.settings(orgId)), ...changes });
      await repos.notifications.saveSettings(orgId, next, ctx.clock.now());
      await repos.audit.record({ ...audit, orgId, objectIds: [orgId], outcome: 'success' });
      return next;
    }),
  );
}

function clean(s: NotificationSettings): NotificationSettings {
  const check = new InputCheck();
  const offsets = [...new Set(s.reminderOffsetsMin)].sort((a, b) => b - a);
  check.require(offsets.length <= 5, 'reminderOffsetsMin', 'at most 5 reminders');
  for (const m of offsets) check.require(Number.isInteger(m) && m > 0 && m <= MAX_REMINDER_MIN, 'reminderOffsetsMin', 'each must be 1 minute to 30 days');
  if (s.quietHours) {
    const { startMin, endMin } = s.quietHours;
    for (const m of [startMin, endMin]) check.require(Number.isInteger(m) && m >= 0 && m < 1440, 'quietHours', 'must be minutes of the day (0-1439)');
    check.require(startMin !== endMin, 'quietHours', 'start and end must differ');
  }
  if (s.followUpAfterMin !== null) {
    check.require(Number.isInteger(s.followUpAfterMin) && s.followUpAfterMin >= 0 && s.followUpAfterMin <= MAX_REMINDER_MIN, 'followUpAfterMin', 'must be 0 minutes to 30 days, or null');
  }
  const hosts = [...new Set(s.webhookAllowedHosts.map((h) => h.trim().toLowerCase()))];
  for (const h of hosts) check.require(HOST.test(h), 'webhookAllowedHosts', `"${h}" is not a host name`);
  check.done();
  return {
    reminderOffsetsMin: offsets,
    quietHours: s.quietHours ? { startMin: s.quietHours.startMin, endMin: s.quietHours.endMin } : null,
    followUpAfterMin: s.followUpAfterMin,
    includeNotesInMessages: s.includeNotesInMessages === true,
    calendarFeedFullNames: s.calendarFeedFullNames === true,
    webhookAllowedHosts: hosts,
  };
}
