import { type Kysely, sql } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * Availability versions: one counter per service and per staff member, raised in the same
 * transaction as any change that can alter the slots they offer. A cached slot answer
 * (src/app/public/slot-answer-cache.ts) is served only while the counters it was computed
 * under are unchanged, which one indexed query per request checks.
 *
 * The counters are kept by triggers, not by the application, so that every writer goes
 * through them without knowing: the booking use cases, the admin use cases (today's and
 * the ones still to come), the CLI, the demo seed, a second app process, even a hand-run
 * SQL statement. Which table raises whose counter:
 *   bookings, working_hours, date_overrides  -> the staff member (staff_id, old and new row)
 *   staff_members                            -> the staff member itself (zone, active, ...)
 *   services                                 -> the service itself (rules, active)
 *   service_staff                            -> the service (who offers it)
 * Per staff member rather than per organization: on PostgreSQL a booking already holds its
 * staff members' rows locked, so raising their counters adds no new point where an org's
 * bookings wait for each other (one counter per org would serialize all of them).
 * Ids are random (UUIDv7), so a service and a staff member never share a counter.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('availability_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  // Rows that exist already start at 1, so every known service has its counter.
  await sql`INSERT INTO availability_versions (id, version) SELECT id, 1 FROM services`.execute(db);
  await sql`INSERT INTO availability_versions (id, version) SELECT id, 1 FROM staff_members`.execute(db);

  if (engine === 'postgres') await postgresTriggers(db);
  else await sqliteTriggers(db);
}

/** Table -> the column naming whose counter a change of one of its rows raises. */
const BUMPS: readonly (readonly [table: string, column: string])[] = [
  ['bookings', 'staff_id'],
  ['working_hours', 'staff_id'],
  ['date_overrides', 'staff_id'],
  ['staff_members', 'id'],
  ['services', 'id'],
  ['service_staff', 'service_id'],
];

const UPSERT = 'ON CONFLICT (id) DO UPDATE SET version = availability_versions.version + 1';

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of BUMPS) {
    const bump = (row: 'NEW' | 'OLD', when = 'true') =>
      `INSERT INTO availability_versions (id, version) SELECT ${row}.${column}, 1 WHERE ${when} ${UPSERT};`;
    await sql.raw(`CREATE TRIGGER ${table}_availability_insert AFTER INSERT ON ${table} BEGIN ${bump('NEW')} END`).execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_availability_update AFTER UPDATE ON ${table} BEGIN ` +
          `${bump('NEW')} ${bump('OLD', `OLD.${column} IS NOT NEW.${column}`)} END`,
      )
      .execute(db);
    await sql.raw(`CREATE TRIGGER ${table}_availability_delete AFTER DELETE ON ${table} BEGIN ${bump('OLD')} END`).execute(db);
  }
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  // One function per column name, so a row is read by field (no row-to-JSON conversion).
  for (const column of [...new Set(BUMPS.map(([, c]) => c))]) {
    await sql
      .raw(
        `CREATE FUNCTION availability_bump_by_${column}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP <> 'DELETE' THEN
            INSERT INTO availability_versions (id, version) VALUES (NEW.${column}, 1) ${UPSERT};
          END IF;
          IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.${column} IS DISTINCT FROM NEW.${column}) THEN
            INSERT INTO availability_versions (id, version) VALUES (OLD.${column}, 1) ${UPSERT};
          END IF;
          RETURN NULL;
        END $$`,
      )
      .execute(db);
  }
  for (const [table, column] of BUMPS) {
    await sql
      .raw(
        `CREATE TRIGGER ${table}_availability AFTER INSERT OR UPDATE OR DELETE ON ${table} ` +
          `FOR EACH ROW EXECUTE FUNCTION availability_bump_by_${column}()`,
      )
      .execute(db);
  }
}
