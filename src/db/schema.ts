import type { AccountTables } from './account-schema.js';

/** Kysely table types. Instants are epoch milliseconds; flags are 0/1 integers on both engines. */
export interface OrganizationsTable {
  id: string;
  slug: string;
  name: string;
  time_zone: string;
  locale: string;
  policies: string;
  created_at: number;
}

export interface LocationsTable {
  id: string;
  org_id: string;
  name: string;
  address: string | null;
  created_at: number;
}

export interface ServicesTable {
  id: string;
  org_id: string;
  location_id: string | null;
  name: string;
  description: string;
  duration_min: number;
  price_cents: number | null;
  currency: string | null;
  buffer_before_min: number;
  buffer_after_min: number;
  slot_interval_min: number;
  min_notice_min: number;
  max_advance_days: number | null;
  capacity: number;
  requires_approval: number;
  cutoff_min: number;
  active: number;
  created_at: number;
}

export interface StaffMembersTable {
  id: string;
  org_id: string;
  name: string;
  time_zone: string;
  active: number;
  last_assigned_at: number | null;
  created_at: number;
  /** The user account of this staff member, if they sign in (0004). */
  user_id: string | null;
  /** Work email and phone for staff notices, sealed with the organization's key (0004). */
  email_enc: string | null;
  phone_enc: string | null;
}

export interface ServiceStaffTable {
  org_id: string;
  service_id: string;
  staff_id: string;
}

export interface WorkingHoursTable {
  id: string;
  org_id: string;
  staff_id: string;
  weekday: number;
  start_min: number;
  end_min: number;
}

export interface DateOverridesTable {
  id: string;
  org_id: string;
  staff_id: string;
  date: string;
  kind: string;
  start_min: number | null;
  end_min: number | null;
}

/** Columns ending in `_enc` hold sealed values (see security/crypto/field-cipher.ts). */
export interface CustomersTable {
  id: string;
  org_id: string;
  name_enc: string;
  email_enc: string;
  /** Blind index of the normalized email, for exact lookups. */
  email_index: string;
  phone_enc: string | null;
  created_at: number;
  /** Set when the customer was erased: their keys are destroyed, their fields unreadable. */
  erased_at: number | null;
}

export interface DataKeysTable {
  id: string;
  org_id: string;
  owner_type: string;
  owner_id: string;
  master_version: string;
  /** Null once destroyed. */
  wrapped: string | null;
  created_at: number;
  retired_at: number | null;
  destroyed_at: number | null;
}

export interface BookingsTable {
  id: string;
  org_id: string;
  service_id: string;
  staff_id: string;
  customer_id: string | null;
  status: string;
  start_at: number;
  end_at: number;
  busy_start: number;
  busy_end: number;
  capacity_one: number;
  customer_time_zone: string;
  notes_enc: string | null;
  assignment: string | null;
  hold_expires_at: number | null;
  hold_token_hash: string | null;
  privacy_notice_version: string | null;
  cancel_reason_enc: string | null;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface BookingEventsTable {
  id: string;
  org_id: string;
  booking_id: string;
  at: number;
  type: string;
  actor: string;
  data: string;
}

export interface ManageTokensTable {
  token_hash: string;
  org_id: string;
  booking_id: string;
  expires_at: number;
  created_at: number;
}

export interface IdempotencyKeysTable {
  org_id: string;
  key: string;
  request_hash: string;
  status_code: number;
  response: string;
  created_at: number;
}

export interface AuditLogTable {
  id: string;
  at: number;
  org_id: string | null;
  actor_type: string;
  actor_id: string | null;
  action: string;
  object_type: string;
  object_ids: string;
  outcome: string;
  reason: string | null;
  ip: string | null;
  user_agent: string | null;
}

/** The transactional outbox: one row per message to deliver (see db/migrations/0002-outbox.ts). */
export interface OutboxMessagesTable {
  id: string;
  org_id: string;
  idempotency_key: string;
  channel: string;
  template: string;
  locale: string;
  booking_id: string | null;
  owner_type: string;
  owner_id: string;
  data: string;
  sealed: string | null;
  status: string;
  attempts: number;
  available_at: number;
  lease_until: number | null;
  claimed_by: string | null;
  last_error: string | null;
  provider_ref: string | null;
  created_at: number;
  finished_at: number | null;
}

export interface OutboxAttemptsTable {
  id: string;
  message_id: string;
  org_id: string;
  at: number;
  outcome: string;
  code: string | null;
  duration_ms: number;
}

export interface BookingNoticePrefsTable {
  booking_id: string;
  org_id: string;
  locale: string;
  sms_opt_in: number;
}

export interface NotificationSettingsTable {
  org_id: string;
  settings: string;
  updated_at: number;
}

export interface WebhookEndpointsTable {
  id: string;
  org_id: string;
  url: string;
  events: string;
  secret_enc: string;
  active: number;
  created_at: number;
}

export interface CalendarFeedsTable {
  id: string;
  org_id: string;
  staff_id: string;
  token_hash: string;
  created_at: number;
  revoked_at: number | null;
}

/** An integration's API key (0005). Only the hash of the whole key is kept. */
export interface ApiKeysTable {
  id: string;
  org_id: string;
  name: string;
  secret_hash: string;
  /** JSON array of permission names. */
  scopes: string;
  /** Who made it, as the audit log names actors ('user' or 'cli'). */
  created_by_type: string;
  created_by_id: string | null;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface DB extends AccountTables {
  organizations: OrganizationsTable;
  locations: LocationsTable;
  services: ServicesTable;
  staff_members: StaffMembersTable;
  service_staff: ServiceStaffTable;
  working_hours: WorkingHoursTable;
  date_overrides: DateOverridesTable;
  data_keys: DataKeysTable;
  customers: CustomersTable;
  bookings: BookingsTable;
  booking_events: BookingEventsTable;
  manage_tokens: ManageTokensTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_log: AuditLogTable;
  outbox_messages: OutboxMessagesTable;
  outbox_attempts: OutboxAttemptsTable;
  booking_notice_prefs: BookingNoticePrefsTable;
  notification_settings: NotificationSettingsTable;
  webhook_endpoints: WebhookEndpointsTable;
  calendar_feeds: CalendarFeedsTable;
  api_keys: ApiKeysTable;
}
