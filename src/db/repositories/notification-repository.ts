import type { Kysely } from 'kysely';
import type { BookingNoticePrefs, NotificationRepository } from '../../app/notifications/notification-ports.js';
import type { Locale } from '../../domain/model.js';
import { type NotificationSettings, withDefaults } from '../../domain/notifications/notification-settings.js';
import { PreparedQuery } from '../prepared-query.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import type { BookingNoticePrefsTable, DB } from '../schema.js';

const settingsQuery = new PreparedQuery((db, p: { orgId: string }) =>
  db.selectFrom('notification_settings').select('settings').where('org_id', '=', p.orgId),
);

const savePrefsQuery = new PreparedQuery((db, row: BookingNoticePrefsTable) =>
  db
    .insertInto('booking_notice_prefs')
    .values(row)
    .onConflict((oc) => oc.column('booking_id').doUpdateSet({ locale: row.locale, sms_opt_in: row.sms_opt_in })),
);

const staffAddressQuery = new PreparedQuery((db, p: { orgId: string; staffId: string }) =>
  db
    .selectFrom('staff_members as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .select(['s.email_enc as work_email', 's.user_id', 'u.email_enc as account_email'])
    .where('s.org_id', '=', p.orgId)
    .where('s.id', '=', p.staffId),
);

export class KyselyNotificationRepository implements NotificationRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly crypto: FieldCrypto,
  ) {}

  async settings(orgId: string): Promise<NotificationSettings> {
    const row = await settingsQuery.first(this.db, { orgId });
    return withDefaults(row ? (JSON.parse(row.settings) as Partial<NotificationSettings>) : {});
  }

  async saveSettings(orgId: string, settings: NotificationSettings, now: number): Promise<void> {
    const values = { org_id: orgId, settings: JSON.stringify(settings), updated_at: now };
    await this.db
      .insertInto('notification_settings')
      .values(values)
      .onConflict((oc) => oc.column('org_id').doUpdateSet({ settings: values.settings, updated_at: now }))
      .execute();
  }

  async prefs(orgId: string, bookingId: string): Promise<BookingNoticePrefs | null> {
    const row = await this.db
      .selectFrom('booking_notice_prefs')
      .select(['locale', 'sms_opt_in'])
      .where('org_id', '=', orgId)
      .where('booking_id', '=', bookingId)
      .executeTakeFirst();
    return row ? { locale: row.locale as Locale, smsOptIn: row.sms_opt_in === 1 } : null;
  }

  async savePrefs(orgId: string, bookingId: string, prefs: BookingNoticePrefs): Promise<void> {
    await savePrefsQuery.run(this.db, { booking_id: bookingId, org_id: orgId, locale: prefs.locale, sms_opt_in: prefs.smsOptIn ? 1 : 0 });
  }

  async staffNoticeAddress(orgId: string, staffId: string): Promise<string | null> {
    const row = await staffAddressQuery.first(this.db, { orgId, staffId });
    if (!row) return null;
    // Places as staff-repository.ts and user-repository.ts seal them.
    const work = await this.crypto.openOptional({ table: 'staff_members', column: 'email', rowId: staffId }, row.work_email);
    if (work || !row.user_id) return work;
    return this.crypto.openOptional({ table: 'users', column: 'email', rowId: row.user_id }, row.account_email);
  }
}
