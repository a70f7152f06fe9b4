import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Engine } from './engine.js';
import { type DirectRunner, runPreparedDirectly } from './prepared-query.js';
import { type CheckpointStats, WalCheckpointer } from './wal-checkpointer.js';
import type { DB } from './schema.js';

export interface Database {
  readonly engine: Engine;
  readonly db: Kysely<DB>;
  /**
   * For reads outside transactions. SQLite: a second, read-only connection, which reads the
   * last committed state while the writer's transaction is open (WAL), so a read never waits
   * for a batch of writes and never sees one half done. PostgreSQL: the same pool as `db`.
   */
  readonly readDb: Kysely<DB>;
  /**
   * SQLite: a mark that is the same on two calls only if nothing was written in between: no
   * write statement on this connection, no commit by any other connection or process
   * (`PRAGMA data_version`). It lets a cache skip reading again what cannot have changed.
   * PostgreSQL: always null (other connections commit without a cheap sign of it).
   */
  changeMark(): string | null;
  /**
   * SQLite: runs SQL at once on the write connection, for its holder only (a group-commit
   * batch, see prepared-query.ts runPreparedDirectly). PostgreSQL: null.
   */
  readonly writeDirect: DirectRunner | null;
  /** SQLite file: what the background checkpointer (wal-checkpointer.ts) has done. Else null. */
  readonly walCheckpoints: CheckpointStats | null;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; schema?: string; poolSize?: number };

const INT8_OID = 20;

/** Opens SQLite (WAL) or a PostgreSQL pool; instants come back as numbers on both. */
export function openDatabase(target: DatabaseTarget): Database {
  if (target.kind === 'sqlite') return openSqlite(target.file);
  return openPostgres(target.url, target.schema, target.poolSize);
}

function openSqlite(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  let ownWrites = 0;
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  const writer = withStatementCache(sqlite, () => ownWrites++);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: writer }) });
  const onDisk = file !== ':memory:';
  const readDb = onDisk ? openSqliteReader(file) : db;
  const checkpointer = onDisk ? new WalCheckpointer(file, sqlite) : null;
  const close = async () => {
    await checkpointer?.stop();
    if (readDb !== db) await readDb.destroy();
    await db.destroy();
  };
  return {
    engine: 'sqlite',
    db,
    readDb,
    changeMark: () => `${ownWrites}.${String(dataVersion.get())}`,
    writeDirect: directRunner(writer),
    walCheckpoints: checkpointer?.stats ?? null,
    close,
  };
}

function openSqliteReader(file: string): Kysely<DB> {
  const reader = new SQLite(file, { readonly: true });
  reader.pragma('busy_timeout = 5000');
  const database = withStatementCache(reader, () => {});
  const readDb = new Kysely<DB>({ dialect: new SqliteDialect({ database }) });
  runPreparedDirectly(readDb, directRunner(database));
  return readDb;
}

/** What Kysely's SQLite connection does for one query, without its executor around it. */
function directRunner(database: SqliteDatabase): DirectRunner {
  return (sql, parameters) => {
    const statement = database.prepare(sql);
    if (statement.reader) return { rows: statement.all(parameters) };
    const { changes, lastInsertRowid } = statement.run(parameters);
    return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
  };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query afresh; compiling SQL is a large share of a booking's cost on
 * SQLite. The same query text reuses its prepared statement (bounded, least recently used).
 * Kysely asks for the statement on every run, so `onWrite` hears each statement that can
 * write (SQLite's own verdict: DML including `RETURNING`, DDL) or ends a transaction, just
 * before it runs.
 */
function withStatementCache(sqlite: SQLite.Database, onWrite: () => void): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (query: string) => {
      let statement = cache.get(query);
      if (statement) {
        cache.delete(query);
      } else {
        statement = sqlite.prepare(query);
        if (cache.size >= STATEMENT_CACHE_SIZE) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      cache.set(query, statement);
      // Transaction control counts too (BEGIN, COMMIT, RELEASE ...): a COMMIT is when the
      // reader connection starts to see the writes before it.
      if (!statement.readonly || !statement.reader) onWrite();
      return statement;
    },
  };
}

function openPostgres(url: string, schema: string | undefined, poolSize = 10): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Epoch-millisecond columns are bigint; they fit a JS number exactly.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
    ...(schema ? { options: `-c search_path=${schema},public` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { engine: 'postgres', db, readDb: db, changeMark: () => null, writeDirect: null, walCheckpoints: null, close: () => db.destroy() };
}
