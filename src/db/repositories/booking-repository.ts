import { type ExpressionBuilder, type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { BookingListFilter, BookingRepository, BusyBooking } from '../../app/ports.js';
import { type BookingStatus, OCCUPYING_STATUSES } from '../../domain/booking/booking-status.js';
import type { AssignmentReason } from '../../domain/booking/staff-picker.js';
import { conflict } from '../../domain/errors.js';
import type { Booking, BookingEvent } from '../../domain/model.js';
import { MAX_BUSY_SPAN_MS } from '../../domain/slots/slot-rules.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import type { BookingEventsTable, BookingsTable, DB } from '../schema.js';
import { PreparedQuery } from '../prepared-query.js';
import { mapWriteError } from '../write-errors.js';

const LIVE = OCCUPYING_STATUSES as BookingStatus[];

const busyQuery = new PreparedQuery((db, p: { orgId: string; staffIds: readonly string[]; from: number; to: number; now: number; earliestStart: number }) =>
  db
    .selectFrom('bookings')
    .select(['id', 'staff_id', 'service_id', 'start_at', 'busy_start', 'busy_end', 'status', 'hold_expires_at'])
    .where('org_id', '=', p.orgId)
    .where('staff_id', 'in', p.staffIds)
    .where('status', 'in', LIVE)
    .where('busy_start', '<', p.to)
    .where('busy_end', '>', p.from)
    // Implied by the line above (no booking occupies longer than MAX_BUSY_SPAN_MS, which
    // toRow enforces), and it bounds the index range: without it the search reads every
    // earlier booking of the staff member.
    .where('busy_start', '>', p.earliestStart)
    .where((eb) => eb.or([eb('hold_expires_at', 'is', null), eb('hold_expires_at', '>', p.now)])),
);

interface LapsedHolds {
  staffIds: readonly string[];
  now: number;
}

/**
 * Holds of these staff members still marked held whose time is up. `status` is compared with
 * a literal, so that the partial index bookings_live_holds (migration 0009) applies.
 */
const lapsedHold = (eb: ExpressionBuilder<DB, 'bookings'>, p: LapsedHolds) =>
  eb.and([eb('staff_id', 'in', p.staffIds), eb(sql.ref('status'), '=', sql.lit('held')), eb('hold_expires_at', '<=', p.now)]);

const expireHoldsQuery = new PreparedQuery((db, p: LapsedHolds) =>
  db
    .updateTable('bookings')
    .set({ status: 'expired', updated_at: p.now, version: sql`version + 1` })
    .where((eb) => lapsedHold(eb, p)),
);

/** Whether expireHoldsQuery has anything to do: an UPDATE that changes nothing still costs several times more. */
const anyLapsedHoldQuery = new PreparedQuery((db, p: LapsedHolds) =>
  db
    .selectFrom('bookings')
    .select('id')
    .where((eb) => lapsedHold(eb, p))
    .limit(1),
);

const insertQuery = new PreparedQuery((db, row: BookingsTable) => db.insertInto('bookings').values(row));

const addEventQuery = new PreparedQuery((db, row: Insertable<BookingEventsTable>) => db.insertInto('booking_events').values(row));

/** Notes and cancellation reasons are the customer's words: sealed with the customer's key. */
export class KyselyBookingRepository implements BookingRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly crypto: FieldCrypto,
  ) {}

  async busy(orgId: string, staffIds: readonly string[], from: number, to: number, now: number): Promise<BusyBooking[]> {
    if (staffIds.length === 0) return [];
    const rows = await busyQuery.rows(this.db, { orgId, staffIds, from, to, now, earliestStart: from - MAX_BUSY_SPAN_MS });
    return rows.map((r) => ({
      bookingId: r.id,
      staffId: r.staff_id,
      serviceId: r.service_id,
      start: r.start_at,
      busyStart: r.busy_start,
      busyEnd: r.busy_end,
      status: r.status as BookingStatus,
      holdExpiresAt: r.hold_expires_at,
    }));
  }

  async expireHolds(staffIds: readonly string[], now: number): Promise<number> {
    if (staffIds.length === 0) return 0;
    if (!(await anyLapsedHoldQuery.first(this.db, { staffIds, now }))) return 0;
    return expireHoldsQuery.run(this.db, { staffIds, now });
  }

  async findById(orgId: string, id: string): Promise<Booking | null> {
    const row = await this.db
      .selectFrom('bookings')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? this.toBooking(row) : null;
  }

  async findHold(orgId: string, holdTokenHash: string, now: number): Promise<Booking | null> {
    const row = await this.db
      .selectFrom('bookings')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('hold_token_hash', '=', holdTokenHash)
      .where('status', '=', 'held')
      .where('hold_expires_at', '>', now)
      .executeTakeFirst();
    return row ? this.toBooking(row) : null;
  }

  async releaseHold(orgId: string, holdTokenHash: string, now: number): Promise<string | null> {
    const row = await this.db
      .updateTable('bookings')
      .set({ status: 'expired', hold_expires_at: now, updated_at: now, version: sql`version + 1` })
      .where('org_id', '=', orgId)
      .where('hold_token_hash', '=', holdTokenHash)
      .where('status', '=', 'held')
      .where('hold_expires_at', '>', now)
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async insert(b: Booking, holdTokenHash: string | null = null): Promise<void> {
    await insertQuery.run(this.db, { ...(await this.toRow(b)), hold_token_hash: holdTokenHash }).catch(mapWriteError);
  }

  async update(b: Booking, expectedVersion: number): Promise<void> {
    const { id, org_id, created_at, ...changes } = await this.toRow(b);
    const result = await this.db
      .updateTable('bookings')
      .set({ ...changes, hold_token_hash: b.status === 'held' ? undefined : null })
      .where('org_id', '=', org_id)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst()
      .catch(mapWriteError);
    if (Number(result.numUpdatedRows) !== 1) throw conflict('The booking was changed by someone else; reload it');
  }

  async addEvent(orgId: string, e: BookingEvent): Promise<void> {
    await addEventQuery.run(this.db, {
      id: e.id,
      org_id: orgId,
      booking_id: e.bookingId,
      at: e.at,
      type: e.type,
      actor: e.actor,
      data: JSON.stringify(e.data),
    });
  }

  async events(orgId: string, bookingId: string): Promise<BookingEvent[]> {
    const rows = await this.db
      .selectFrom('booking_events')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('booking_id', '=', bookingId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      bookingId: r.booking_id,
      at: r.at,
      type: r.type,
      actor: r.actor,
      data: JSON.parse(r.data) as Record<string, unknown>,
    }));
  }

  async countLive(orgId: string, staffIds: readonly string[], from: number, to: number): Promise<Map<string, number>> {
    const counts = new Map<string, number>(staffIds.map((id) => [id, 0]));
    if (staffIds.length === 0) return counts;
    const rows = await this.db
      .selectFrom('bookings')
      .select(['staff_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_id', '=', orgId)
      .where('staff_id', 'in', staffIds)
      .where('status', 'in', ['pending', 'confirmed'])
      .where('start_at', '>=', from)
      .where('start_at', '<', to)
      .groupBy('staff_id')
      .execute();
    for (const r of rows) counts.set(r.staff_id, Number(r.n));
    return counts;
  }

  async list(orgId: string, f: BookingListFilter): Promise<Booking[]> {
    if (f.statuses.length === 0) return [];
    let q = this.db
      .selectFrom('bookings')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('customer_id', 'is not', null)
      .where('status', 'in', [...f.statuses])
      .where('start_at', '>=', f.from)
      .where('start_at', '<', f.to);
    if (f.staffId) q = q.where('staff_id', '=', f.staffId);
    if (f.serviceId) q = q.where('service_id', '=', f.serviceId);
    const rows = await q.orderBy('start_at').orderBy('id').execute();
    return Promise.all(rows.map((r) => this.toBooking(r)));
  }

  async listForCustomer(orgId: string, customerId: string, staffId: string | null): Promise<Booking[]> {
    let q = this.db.selectFrom('bookings').selectAll().where('org_id', '=', orgId).where('customer_id', '=', customerId);
    if (staffId) q = q.where('staff_id', '=', staffId);
    const rows = await q.orderBy('start_at').orderBy('id').execute();
    return Promise.all(rows.map((r) => this.toBooking(r)));
  }

  async countForCustomers(orgId: string, customerIds: readonly string[], staffId: string | null): Promise<Map<string, number>> {
    const counts = new Map<string, number>(customerIds.map((id) => [id, 0]));
    if (customerIds.length === 0) return counts;
    let q = this.db
      .selectFrom('bookings')
      .select(['customer_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_id', '=', orgId)
      .where('customer_id', 'in', [...customerIds]);
    if (staffId) q = q.where('staff_id', '=', staffId);
    for (const r of await q.groupBy('customer_id').execute()) if (r.customer_id) counts.set(r.customer_id, Number(r.n));
    return counts;
  }

  private async toRow(b: Booking): Promise<Omit<BookingsTable, 'hold_token_hash'>> {
    if (!(b.busyEnd > b.busyStart && b.busyEnd - b.busyStart <= MAX_BUSY_SPAN_MS)) {
      throw new Error(`Booking ${b.id} would occupy ${b.busyEnd - b.busyStart} ms (at most ${MAX_BUSY_SPAN_MS})`);
    }
    const owner = b.customerId
      ? ({ orgId: b.orgId, type: 'customer', id: b.customerId } as const)
      : ({ orgId: b.orgId, type: 'org', id: b.orgId } as const);
    const place = (column: string) => ({ table: 'bookings', column, rowId: b.id });
    return {
      id: b.id,
      org_id: b.orgId,
      service_id: b.serviceId,
      staff_id: b.staffId,
      customer_id: b.customerId,
      status: b.status,
      start_at: b.start,
      end_at: b.end,
      busy_start: b.busyStart,
      busy_end: b.busyEnd,
      capacity_one: b.capacityOne ? 1 : 0,
      customer_time_zone: b.customerTimeZone,
      notes_enc: await this.crypto.sealOptional(owner, place('notes'), b.notes),
      assignment: b.assignment ? JSON.stringify(b.assignment) : null,
      hold_expires_at: b.holdExpiresAt,
      privacy_notice_version: b.privacyNoticeVersion,
      cancel_reason_enc: await this.crypto.sealOptional(owner, place('cancel_reason'), b.cancelReason),
      created_at: b.createdAt,
      updated_at: b.updatedAt,
      version: b.version,
    };
  }

  private async toBooking(r: Selectable<BookingsTable>): Promise<Booking> {
    const place = (column: string) => ({ table: 'bookings', column, rowId: r.id });
    return {
      id: r.id,
      orgId: r.org_id,
      serviceId: r.service_id,
      staffId: r.staff_id,
      customerId: r.customer_id,
      status: r.status as BookingStatus,
      start: r.start_at,
      end: r.end_at,
      busyStart: r.busy_start,
      busyEnd: r.busy_end,
      capacityOne: r.capacity_one === 1,
      customerTimeZone: r.customer_time_zone,
      notes: await this.crypto.openOptional(place('notes'), r.notes_enc),
      assignment: r.assignment ? (JSON.parse(r.assignment) as AssignmentReason) : null,
      holdExpiresAt: r.hold_expires_at,
      privacyNoticeVersion: r.privacy_notice_version,
      cancelReason: await this.crypto.openOptional(place('cancel_reason'), r.cancel_reason_enc),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      version: r.version,
    };
  }
}
