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

/**
 * Reads the counters that migration 0006's triggers raise. One statement, so the service's
 * counter and its staff members' counters come from one snapshot.
 */
export class KyselyAvailabilityVersions implements AvailabilityVersions {
  constructor(private readonly db: Kysely<DB>) {}

  async ofService(orgSlug: string, serviceId: string): Promise<string | null> {
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
