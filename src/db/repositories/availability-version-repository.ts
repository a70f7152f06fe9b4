import { type Kysely, sql } from 'kysely';
import type { AvailabilityVersions } from '../../app/ports.js';
import type { DB } from '../schema.js';

/**
 * Reads the counters that migration 0006's triggers raise. One statement, so the service's
 * counter and its staff members' counters come from one snapshot.
 */
export class KyselyAvailabilityVersions implements AvailabilityVersions {
  constructor(private readonly db: Kysely<DB>) {}

  async ofService(orgSlug: string, serviceId: string): Promise<string | null> {
    const { rows } = await sql<{ id: string; version: number | string }>`
      SELECT v.id, v.version FROM availability_versions v
      WHERE v.id IN (
        SELECT s.id FROM services s JOIN organizations o ON o.id = s.org_id WHERE s.id = ${serviceId} AND o.slug = ${orgSlug}
        UNION ALL
        SELECT ss.staff_id FROM service_staff ss WHERE ss.service_id = ${serviceId}
      )
      ORDER BY v.id`.execute(this.db);
    // No counter for the service: it is not this org's (or does not exist). Nothing to cache.
    if (!rows.some((r) => r.id === serviceId)) return null;
    // The list names its staff members, so a change of who offers the service (which also
    // raises the service's counter) can never produce the same text as before.
    return rows.map((r) => `${r.id}:${r.version}`).join(',');
  }
}
