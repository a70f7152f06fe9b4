import { type CompiledQuery, type Kysely, sql } from 'kysely';
import type { AvailabilityVersions } from '../../app/ports.js';
import type { DB } from '../schema.js';

interface VersionRow {
  id: string;
  version: number | string;
}

const versionsOf = (serviceId: string, orgSlug: string) => sql<VersionRow>`
  SELECT v.id, v.version FROM services s
    JOIN organizations o ON o.id = s.org_id
    JOIN availability_versions v ON v.id = s.id
  WHERE s.id = ${serviceId} AND o.slug = ${orgSlug}
  UNION ALL
  SELECT v.id, v.version FROM service_staff ss
    JOIN availability_versions v ON v.id = ss.staff_id
  WHERE ss.service_id = ${serviceId}`;

/**
 * This statement runs before every slot answer, so it is compiled once per connection pool
 * (building and compiling it cost about as much as running it on SQLite).
 */
const compiled = new WeakMap<Kysely<DB>, CompiledQuery<VersionRow>>();

const MEMO_ENTRIES = 10_000;

/**
 * Version texts as last read, with the database's change mark (Database.changeMark) taken
 * just before reading. While the mark is unchanged nothing was written, so the counters are
 * the same and the statement need not run: one cheap pragma instead of a join that grows with
 * the service's staff (about 90 µs at 100 staff on SQLite). Without a mark (PostgreSQL) the
 * statement always runs. One memo per database, shared by all units of work.
 *
 * With `shareMarks` (SQLite), reads that start in the same event-loop turn share one mark,
 * taken once after that turn's I/O callbacks (setImmediate): under load several requests
 * arrive in one turn, and on SQLite each mark costs two system calls (the WAL index's read
 * lock). The mark is still taken after every read that uses it was asked for, so it is at
 * least as new as taking it at once: a change committed before a request arrived is never
 * hidden.
 */
export class VersionMemo {
  private readonly entries = new Map<string, { mark: string; text: string | null }>();
  private sharedMark: Promise<string | null> | null = null;

  constructor(
    private readonly changeMark: () => string | null,
    private readonly shareMarks = false,
  ) {}

  async read(key: string, load: () => Promise<string | null>): Promise<string | null> {
    const mark = this.shareMarks ? await this.markAfterThisTurn() : this.changeMark();
    if (mark === null) return load();
    const known = this.entries.get(key);
    if (known?.mark === mark) return known.text;
    // Read after the mark: the text is at least as new as the mark it is kept under.
    const text = await load();
    this.entries.delete(key);
    this.entries.set(key, { mark, text });
    if (this.entries.size > MEMO_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return text;
  }

  private markAfterThisTurn(): Promise<string | null> {
    this.sharedMark ??= new Promise((resolve, reject) => {
      setImmediate(() => {
        this.sharedMark = null;
        try {
          resolve(this.changeMark());
        } catch (e) {
          reject(e);
        }
      });
    });
    return this.sharedMark;
  }
}

/**
 * Reads the counters that migration 0006's triggers raise. One statement, so the service's
 * counter and its staff members' counters come from one snapshot.
 */
export class KyselyAvailabilityVersions implements AvailabilityVersions {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly memo: VersionMemo,
  ) {}

  ofService(orgSlug: string, serviceId: string): Promise<string | null> {
    return this.memo.read(`${orgSlug}/${serviceId}`, () => this.load(orgSlug, serviceId));
  }

  private async load(orgSlug: string, serviceId: string): Promise<string | null> {
    let query = compiled.get(this.db);
    if (!query) {
      query = versionsOf('', '').compile(this.db);
      compiled.set(this.db, query);
    }
    const { rows } = await this.db.executeQuery<VersionRow>({ ...query, parameters: [serviceId, orgSlug, serviceId] });
    // No counter for the service: it is not this org's (or does not exist). Nothing to cache.
    if (!rows.some((r) => r.id === serviceId)) return null;
    // The text names each staff member, so a change of who offers the service (which also
    // raises the service's counter) can never give the same text as before. Rows in another
    // order give another text too: at worst a needless recomputation, never a stale answer.
    let text = '';
    for (const r of rows) text += `${r.id}:${r.version},`;
    return text;
  }
}
