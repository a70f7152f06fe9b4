import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { migrationsCurrent } from '../../db/migrate.js';

const Health = Type.Object({ status: Type.String() });
const Ready = Type.Object({
  status: Type.String(),
  checks: Type.Object({ database: Type.Boolean(), migrations: Type.Boolean() }),
});

/** Liveness and readiness for load balancers and orchestrators. */
export function healthRoutes(database: Database): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/healthz', { schema: { tags: ['ops'], response: { 200: Health } } }, async () => ({ status: 'ok' }));

    app.get('/readyz', { schema: { tags: ['ops'], response: { 200: Ready, 503: Ready } } }, async (request, reply) => {
      let dbUp = false;
      let migrated = false;
      try {
        await sql`SELECT 1`.execute(database.db);
        dbUp = true;
        migrated = await migrationsCurrent(database);
      } catch (e) {
        request.log.warn({ err: e }, 'readiness check failed');
      }
      const ready = dbUp && migrated;
      return reply
        .status(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'not_ready', checks: { database: dbUp, migrations: migrated } });
    });
  };
}
