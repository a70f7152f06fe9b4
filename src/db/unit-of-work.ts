import type { Repositories, UnitOfWork, WriteOptions } from '../app/ports.js';
import type { Database } from './database.js';
import { KyselyRepositories, type RepositoryDeps } from './repositories.js';
import { VersionMemo } from './repositories/availability-version-repository.js';
import { SqliteGroupCommit } from './sqlite-group-commit.js';

export { fieldCrypto, type RepositoryDeps } from './repositories.js';

const RETRYABLE_PG = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 3;

/**
 * Transactions on both engines. SQLite: `BEGIN IMMEDIATE` takes the database write lock up
 * front, so a re-check of availability and the insert that follows see the same state even
 * across processes; transactions waiting together share one COMMIT (SqliteGroupCommit), each
 * in its own savepoint. PostgreSQL: the staff rows are locked (sorted, so two bookings never
 * deadlock) and the exclusion constraint backs that up.
 */
export class KyselyUnitOfWork implements UnitOfWork {
  /** SQLite only: the queue that batches write transactions under one COMMIT. */
  readonly groupCommit: SqliteGroupCommit | null;
  private readonly versions: VersionMemo;

  constructor(
    private readonly database: Database,
    private readonly deps: RepositoryDeps,
  ) {
    this.groupCommit = database.engine === 'sqlite' ? new SqliteGroupCommit(database.db, database.writeDirect) : null;
    this.versions = new VersionMemo(() => database.changeMark(), database.engine === 'sqlite');
  }

  read<T>(fn: (repos: Repositories) => Promise<T>): Promise<T> {
    return fn(new KyselyRepositories(this.database.readDb, this.deps, this.versions));
  }

  async write<T>(fn: (repos: Repositories) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    if (this.groupCommit) return this.writeSqlite(this.groupCommit, fn);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.writePostgres(fn, options);
      } catch (e) {
        const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
        if (!RETRYABLE_PG.has(code) || attempt >= MAX_ATTEMPTS) throw e;
      }
    }
  }

  private async writeSqlite<T>(groupCommit: SqliteGroupCommit, fn: (repos: Repositories) => Promise<T>): Promise<T> {
    const { result, repos } = await groupCommit.run(async (conn) => {
      const repos = new KyselyRepositories(conn, this.deps, this.versions);
      return { result: await fn(repos), repos };
    });
    this.signalMessages(repos);
    return result;
  }

  private signalMessages(repos: KyselyRepositories): void {
    if (repos.wroteMessages) this.deps.outboxSignal?.notify();
  }

  private async writePostgres<T>(fn: (repos: Repositories) => Promise<T>, options: WriteOptions): Promise<T> {
    let repos: KyselyRepositories | null = null;
    const result = await this.database.db.transaction().execute(async (trx) => {
      const lock = [...new Set(options.lockStaffIds ?? [])].sort();
      if (lock.length > 0) {
        await trx.selectFrom('staff_members').select('id').where('id', 'in', lock).orderBy('id').forUpdate().execute();
      }
      repos = new KyselyRepositories(trx, this.deps, this.versions);
      return fn(repos);
    });
    if (repos) this.signalMessages(repos);
    return result;
  }
}
