import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db/database.js';
import type { Engine } from '../src/db/engine.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { ENGINES, type TestDatabase, freshDatabase } from './support/databases.js';

function withDatabase(engine: Engine): { database: () => Database; fresh: () => TestDatabase } {
  let fresh: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    fresh = await freshDatabase(engine);
    database = openDatabase(fresh.target);
    await migrateToLatest(database);
  });
  afterAll(async () => {
    await database?.close();
    await fresh?.drop();
  });
  return { database: () => database, fresh: () => fresh };
}

const insertOrg = (database: Database, id: string) =>
  database.db
    .insertInto('organizations')
    .values({ id, slug: id, name: id, time_zone: 'Europe/Berlin', locale: 'en', policies: '{}', created_at: 0 })
    .execute();

describe.each(ENGINES)('the change mark on %s', (engine) => {
  const { database } = withDatabase(engine);

  it('is the same before and after reads (SQLite), or absent (PostgreSQL: no cheap sign of change)', async () => {
    const before = database().changeMark();
    await database().db.selectFrom('organizations').selectAll().execute();
    await sql`SELECT 1`.execute(database().db);
    expect(database().changeMark()).toBe(before);
    expect(before).toEqual(engine === 'postgres' ? null : expect.any(String));
  });
});

describe('the change mark on sqlite, when something is written', () => {
  const { database, fresh } = withDatabase('sqlite');

  it('moves with every write on this connection, RETURNING included', async () => {
    const m1 = database().changeMark();
    await insertOrg(database(), 'mark-a');
    const m2 = database().changeMark();
    expect(m2).not.toBe(m1);
    await database().db.updateTable('organizations').set({ name: 'A' }).where('id', '=', 'mark-a').returning('id').execute();
    expect(database().changeMark()).not.toBe(m2);
  });

  it('moves when another connection or process commits', async () => {
    const target = fresh().target;
    if (target.kind !== 'sqlite') throw new Error('a SQLite target was asked for');
    const m1 = database().changeMark();
    const other = new SQLite(target.file);
    try {
      other.prepare(`UPDATE organizations SET name = 'B' WHERE id = 'mark-a'`).run();
    } finally {
      other.close();
    }
    expect(database().changeMark()).not.toBe(m1);
  });
});
