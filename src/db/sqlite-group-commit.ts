import { type Kysely, sql } from 'kysely';
import { type DirectRunner, runPreparedDirectly } from './prepared-query.js';
import type { DB } from './schema.js';

interface Job {
  work: (conn: Kysely<DB>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** How many write transactions one COMMIT may carry at most. */
const MAX_BATCH = 32;

/**
 * Group commit for SQLite. COMMIT is the most expensive statement of a booking (it writes the
 * changed pages to the WAL), and SQLite runs one writer at a time anyway. So the write
 * transactions that are waiting together run one after another inside one `BEGIN IMMEDIATE`
 * ... `COMMIT`, each in its own SAVEPOINT: one that fails is rolled back alone (`ROLLBACK TO`)
 * and the others are kept. Every caller hears its outcome only after the COMMIT, so no caller
 * ever sees as done what a failed COMMIT took back.
 */
export class SqliteGroupCommit {
  private readonly queue: Job[] = [];
  private draining = false;
  /** Batches committed so far and the transactions they carried (for tests and benchmarks). */
  readonly stats = { batches: 0, transactions: 0 };

  /**
   * `direct`: runs SQL on the write connection at once (Database.writeDirect). The batch holds
   * that connection, so its jobs' prepared queries and its own transaction control use it.
   */
  constructor(
    private readonly db: Kysely<DB>,
    private readonly direct: DirectRunner | null = null,
  ) {}

  /** Runs `work` as one transaction; the result is given out once it is committed. */
  run<T>(work: (conn: Kysely<DB>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.draining) return;
      this.draining = true;
      // Started after the current I/O callbacks, so the requests that arrived together
      // have queued their transactions before the batch begins.
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.db.connection().execute((conn) => this.batch(conn));
    } catch (error) {
      // The connection could not be had or not be cleaned up: the waiting jobs fail with it.
      for (const job of this.queue.splice(0)) job.reject(error);
    } finally {
      this.draining = false;
    }
  }

  /** Transaction control (fixed SQL, no parameters). */
  private async control(conn: Kysely<DB>, statement: 'BEGIN IMMEDIATE' | 'COMMIT' | 'SAVEPOINT group_member' | 'RELEASE group_member' | 'ROLLBACK TO group_member'): Promise<void> {
    if (this.direct) this.direct(statement, []);
    else await sql.raw(statement).execute(conn);
  }

  private async batch(conn: Kysely<DB>): Promise<void> {
    if (this.direct) runPreparedDirectly(conn, this.direct);
    const done: { job: Job; value: unknown }[] = [];
    const failed: { job: Job; error: unknown }[] = [];
    let current: Job | undefined;
    try {
      await this.control(conn, 'BEGIN IMMEDIATE');
      // Jobs queued while the batch runs join it.
      let lingered = false;
      while (done.length + failed.length < MAX_BATCH) {
        let job = this.queue.shift();
        if (!job && !lingered) {
          // The jobs run without giving way to I/O (SQLite answers synchronously): let the
          // requests that arrived meanwhile reach their write and join before the COMMIT.
          lingered = true;
          await new Promise<void>((resolve) => setImmediate(resolve));
          job = this.queue.shift();
        }
        if (!job) break;
        current = job;
        await this.control(conn, 'SAVEPOINT group_member');
        let value: unknown;
        try {
          value = await job.work(conn);
        } catch (error) {
          failed.push({ job, error });
          current = undefined;
          await this.control(conn, 'ROLLBACK TO group_member');
          await this.control(conn, 'RELEASE group_member');
          continue;
        }
        await this.control(conn, 'RELEASE group_member');
        done.push({ job, value });
        current = undefined;
      }
      await this.control(conn, 'COMMIT');
    } catch (error) {
      // BEGIN, a savepoint or COMMIT failed: nothing of this batch was kept.
      for (const { job } of done) job.reject(error);
      for (const f of failed) f.job.reject(f.error);
      current?.reject(error);
      await this.rollbackIfOpen(conn);
      return;
    }
    this.stats.batches += 1;
    this.stats.transactions += done.length + failed.length;
    for (const { job, value } of done) job.resolve(value);
    for (const { job, error } of failed) job.reject(error);
  }

  private async rollbackIfOpen(conn: Kysely<DB>): Promise<void> {
    try {
      await sql`ROLLBACK`.execute(conn);
    } catch (e) {
      // SQLite already ended the transaction when the statement failed: nothing to undo.
      if (!(e instanceof Error && /no transaction is active/.test(e.message))) throw e;
    }
  }
}
