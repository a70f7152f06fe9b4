import type { Kysely, Selectable } from 'kysely';
import type { FactorKind, MfaFactor } from '../../app/auth/account-model.js';
import type { MfaFactorRepository } from '../../app/auth/account-ports.js';
import type { MfaFactorsTable } from '../account-schema.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import type { DB } from '../schema.js';
import { USERS_KEY_SCOPE } from './user-repository.js';

const secretPlace = (id: string) => ({ table: 'mfa_factors', column: 'secret', rowId: id });

/** Second factors; a TOTP secret is sealed with its user's key. */
export class KyselyMfaFactorRepository implements MfaFactorRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly crypto: FieldCrypto,
  ) {}

  async listForUser(userId: string): Promise<MfaFactor[]> {
    const rows = await this.db.selectFrom('mfa_factors').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
    return Promise.all(rows.map((r) => this.toFactor(r)));
  }

  async findById(userId: string, id: string): Promise<MfaFactor | null> {
    const row = await this.db.selectFrom('mfa_factors').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return row ? this.toFactor(row) : null;
  }

  async findByCredentialId(credentialId: string): Promise<MfaFactor | null> {
    const row = await this.db.selectFrom('mfa_factors').selectAll().where('credential_id', '=', credentialId).executeTakeFirst();
    return row ? this.toFactor(row) : null;
  }

  async insert(f: MfaFactor): Promise<void> {
    const owner = { orgId: USERS_KEY_SCOPE, type: 'user', id: f.userId } as const;
    await this.db
      .insertInto('mfa_factors')
      .values({
        id: f.id,
        user_id: f.userId,
        kind: f.kind,
        label: f.label,
        secret_enc: await this.crypto.sealOptional(owner, secretPlace(f.id), f.secret),
        credential_id: f.credentialId,
        public_key: f.publicKey,
        sign_count: f.signCount,
        transports: JSON.stringify(f.transports),
        last_used_step: null,
        confirmed_at: f.confirmedAt,
        created_at: f.createdAt,
        last_used_at: f.lastUsedAt,
      })
      .execute();
  }

  async confirm(id: string, at: number): Promise<void> {
    await this.db.updateTable('mfa_factors').set({ confirmed_at: at }).where('id', '=', id).execute();
  }

  async useTotpStep(id: string, step: number, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('mfa_factors')
      .set({ last_used_step: step, last_used_at: at })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async usePasskey(id: string, signCount: number, at: number): Promise<void> {
    await this.db.updateTable('mfa_factors').set({ sign_count: signCount, last_used_at: at }).where('id', '=', id).execute();
  }

  async delete(userId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('mfa_factors').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async deleteUnconfirmed(userId: string, kind: FactorKind): Promise<void> {
    await this.db.deleteFrom('mfa_factors').where('user_id', '=', userId).where('kind', '=', kind).where('confirmed_at', 'is', null).execute();
  }

  private async toFactor(r: Selectable<MfaFactorsTable>): Promise<MfaFactor> {
    return {
      id: r.id,
      userId: r.user_id,
      kind: r.kind as FactorKind,
      label: r.label,
      secret: await this.crypto.openOptional(secretPlace(r.id), r.secret_enc),
      credentialId: r.credential_id,
      publicKey: r.public_key,
      signCount: r.sign_count,
      transports: r.transports ? (JSON.parse(r.transports) as string[]) : [],
      confirmedAt: r.confirmed_at,
      createdAt: r.created_at,
      lastUsedAt: r.last_used_at,
    };
  }
}
