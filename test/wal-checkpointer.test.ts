import { statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db/database.js';
import { BACKSTOP_PAGES, DEFAULT_AUTOCHECKPOINT_PAGES, WalCheckpointer } from '../src/db/wal-checkpointer.js';
import { type TestDatabase, freshDatabase } from './support/databases.js';

/** Waits for `done` (checked every 20 ms), failing after `limitMs`: the worker runs on its own schedule. */
async function eventually(done: () => boolean, limitMs = 10_000): Promise<void> {
  for (let waited = 0; !done(); waited += 20) {
    if (waited >= limitMs) throw new Error('gave up waiting');
    await sleep(20);
  }
}

describe('checkpoints of the SQLite write-ahead log, in a worker thread', () => {
  let fresh: TestDatabase;
  let database: Database;
  let file: string;
  beforeAll(async () => {
    fresh = await freshDatabase('sqlite');
    if (fresh.target.kind !== 'sqlite') throw new Error('expected a SQLite target');
    file = fresh.target.file;
    database = openDatabase(fresh.target);
  });
  afterAll(async () => {
    await database?.close();
    await fresh?.drop();
  });

  it('copy committed pages into the database file without the writer checkpointing', async () => {
    const setting = await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(database.db);
    expect(setting.rows[0]?.wal_autocheckpoint).toBe(BACKSTOP_PAGES);

    await sql`CREATE TABLE scratch (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`.execute(database.db);
    const sizeBefore = statSync(file).size;
    // About 4 MB in 40 commits: 1,000 pages, where SQLite's default would have the writer
    // checkpoint by itself, and a tenth of the backstop.
    const body = 'x'.repeat(100_000);
    for (let i = 0; i < 40; i++) await sql`INSERT INTO scratch (body) VALUES (${body})`.execute(database.db);

    await eventually(() => (database.walCheckpoints?.pagesCopied ?? 0) >= 1_000);
    expect(database.walCheckpoints?.checkpoints).toBeGreaterThan(0);
    expect(database.walCheckpoints?.lastError).toBeNull();
    // The pages are in the database file itself now, not only in the log.
    expect(statSync(file).size - sizeBefore).toBeGreaterThan(4_000_000);
    const count = await sql<{ n: number }>`SELECT count(*) AS n FROM scratch`.execute(database.readDb);
    expect(count.rows[0]?.n).toBe(40);
  });

  it('hands checkpoints back to the writer (SQLite default) when its worker ends', async () => {
    const pragmas: string[] = [];
    const writer = { pragma: (source: string) => pragmas.push(source) };
    // The file does not exist, so the worker fails at once: the writer must not be left with the backstop.
    const checkpointer = new WalCheckpointer(`${file}.missing`, writer);
    await checkpointer.stop();
    expect(pragmas).toEqual([`wal_autocheckpoint = ${BACKSTOP_PAGES}`, `wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`]);
    expect(checkpointer.stats.lastError).toMatch(/unable to open|does not exist|SQLITE_CANTOPEN/i);
  });
});
