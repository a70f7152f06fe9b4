import { sql } from 'kysely';
import type { TestRuntime } from './databases.js';

/** Everything the database holds, as one string: every row of every table. */
export async function dumpDatabase(rt: TestRuntime): Promise<string> {
  const { db } = rt.database;
  const tables = await db.introspection.getTables();
  const parts: string[] = [];
  for (const t of tables) {
    const rows = await sql`SELECT * FROM ${sql.table(t.name)}`.execute(db);
    parts.push(JSON.stringify(rows.rows));
  }
  return parts.join('\n');
}
