import { type Compilable, CompiledQuery, type Kysely, type QueryResult } from 'kysely';
import type { DB } from './schema.js';

/** Stands in for one parameter (or one item of a list parameter) while the query is built. */
class Placeholder {
  constructor(
    readonly name: string,
    readonly index: number | null,
  ) {}
}

interface Shape {
  sql: string;
  /** Per SQL parameter: where its value comes from, or the constant the builder put there. */
  parameters: readonly (Placeholder | { constant: unknown })[];
}

type Params = Record<string, unknown>;

/** Runs SQL at once, synchronously, on a connection whose use its owner already serializes. */
export type DirectRunner = (sql: string, parameters: readonly unknown[]) => QueryResult<unknown>;

const directRunners = new WeakMap<Kysely<DB>, DirectRunner>();

/**
 * From now on prepared queries on `db` call `run` instead of going through Kysely's executor
 * (connection provider, mutex, result plumbing: about 4 µs a query, against well under 1 µs
 * for what better-sqlite3 itself adds; a booking runs about 25). Only for a SQLite connection
 * nobody else can use meanwhile: the read-only connection, which has no transactions to
 * interleave with, and the write connection inside a group-commit batch, which holds it.
 */
export function runPreparedDirectly(db: Kysely<DB>, run: DirectRunner): void {
  directRunners.set(db, run);
}

/**
 * A query that Kysely builds and compiles once per dialect (and per set of parameter names and
 * length of each list parameter), then runs with new values. Building and compiling a query costs more than
 * SQLite takes to run it, and a booking runs about twenty of them: the hot ones are written
 * with this. The builder is ordinary typed Kysely code that uses `p` for values (an insert
 * may pass `p` as its row); it runs once per set of parameter names with stand-ins for the
 * values, so it must not branch on them.
 */
export class PreparedQuery<P extends object, R> {
  /** Per dialect adapter, per parameter names (and list lengths). */
  private readonly shapes = new WeakMap<object, Map<string, Shape>>();

  constructor(private readonly build: (db: Kysely<DB>, p: P) => Compilable<R>) {}

  async rows(db: Kysely<DB>, params: P): Promise<R[]> {
    return (await this.execute(db, params)).rows;
  }

  async first(db: Kysely<DB>, params: P): Promise<R | undefined> {
    return (await this.execute(db, params)).rows[0];
  }

  /** For INSERT, UPDATE and DELETE: how many rows it changed. */
  async run(db: Kysely<DB>, params: P): Promise<number> {
    return Number((await this.execute(db, params)).numAffectedRows ?? 0n);
  }

  // async: an error thrown by a direct run reaches the caller as a rejection, as from Kysely.
  private async execute(db: Kysely<DB>, params: P): Promise<QueryResult<R>> {
    const shape = this.shapeFor(db, params as Params);
    const values = shape.parameters.map((p) => {
      if (!(p instanceof Placeholder)) return p.constant;
      const value = (params as Params)[p.name];
      return p.index === null ? value : (value as unknown[])[p.index];
    });
    const direct = directRunners.get(db);
    if (direct) return direct(shape.sql, values) as QueryResult<R>;
    return db.executeQuery(CompiledQuery.raw(shape.sql, values) as CompiledQuery<R>);
  }

  private shapeFor(db: Kysely<DB>, params: Params): Shape {
    const adapter = db.getExecutor().adapter;
    let byNames = this.shapes.get(adapter);
    if (!byNames) {
      byNames = new Map();
      this.shapes.set(adapter, byNames);
    }
    let key = '';
    for (const name in params) {
      const value = params[name];
      key += Array.isArray(value) ? `${name}[${value.length}],` : `${name},`;
    }
    let shape = byNames.get(key);
    if (!shape) {
      shape = compileShape(db, this.build, params);
      byNames.set(key, shape);
    }
    return shape;
  }
}

function compileShape<P extends object, R>(db: Kysely<DB>, build: (db: Kysely<DB>, p: P) => Compilable<R>, params: Params): Shape {
  const standIns: Params = {};
  for (const name in params) {
    const value = params[name];
    standIns[name] = Array.isArray(value) ? value.map((_, i) => new Placeholder(name, i)) : new Placeholder(name, null);
  }
  const compiled = build(db, standIns as P).compile();
  return {
    sql: compiled.sql,
    parameters: compiled.parameters.map((v) => (v instanceof Placeholder ? v : { constant: v })),
  };
}
