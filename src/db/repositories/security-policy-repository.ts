import type { Kysely } from 'kysely';
import type { SecurityPolicyRepository } from '../../app/auth/account-ports.js';
import { DEFAULT_SECURITY_POLICY, type OrgSecurityPolicy, withPolicyDefaults } from '../../app/auth/security-policy.js';
import type { DB } from '../schema.js';

/** An org's sign-in policy as JSON; an org that never changed it gets the defaults. */
export class KyselySecurityPolicyRepository implements SecurityPolicyRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: () => number,
  ) {}

  async forOrg(orgId: string): Promise<OrgSecurityPolicy> {
    const row = await this.db.selectFrom('org_security_policies').select('policy').where('org_id', '=', orgId).executeTakeFirst();
    if (!row) return DEFAULT_SECURITY_POLICY;
    return withPolicyDefaults(JSON.parse(row.policy) as Partial<OrgSecurityPolicy>);
  }

  async save(orgId: string, policy: OrgSecurityPolicy): Promise<void> {
    const values = { org_id: orgId, policy: JSON.stringify(policy), updated_at: this.now() };
    await this.db
      .insertInto('org_security_policies')
      .values(values)
      .onConflict((oc) => oc.column('org_id').doUpdateSet({ policy: values.policy, updated_at: values.updated_at }))
      .execute();
  }
}
