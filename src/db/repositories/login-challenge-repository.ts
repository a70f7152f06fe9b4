import type { Kysely } from 'kysely';
import type { LoginChallenge, LoginChallengeRepository } from '../../app/auth/account-ports.js';
import type { DB } from '../schema.js';

export class KyselyLoginChallengeRepository implements LoginChallengeRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(tokenHash: string, c: LoginChallenge): Promise<void> {
    await this.db
      .insertInto('login_challenges')
      .values({
        token_hash: tokenHash,
        purpose: c.purpose,
        user_id: c.userId,
        methods: JSON.stringify(c.methods),
        webauthn_challenge: c.webauthnChallenge,
        failures: c.failures,
        created_at: c.createdAt,
        expires_at: c.expiresAt,
      })
      .execute();
  }

  async find(tokenHash: string): Promise<LoginChallenge | null> {
    const r = await this.db.selectFrom('login_challenges').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    if (!r) return null;
    return {
      purpose: r.purpose as LoginChallenge['purpose'],
      userId: r.user_id,
      methods: JSON.parse(r.methods) as string[],
      webauthnChallenge: r.webauthn_challenge,
      failures: r.failures,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
    };
  }

  async recordFailure(tokenHash: string): Promise<number> {
    await this.db
      .updateTable('login_challenges')
      .set((eb) => ({ failures: eb('failures', '+', 1) }))
      .where('token_hash', '=', tokenHash)
      .execute();
    const r = await this.db.selectFrom('login_challenges').select('failures').where('token_hash', '=', tokenHash).executeTakeFirst();
    return r?.failures ?? 0;
  }

  async setWebauthnChallenge(tokenHash: string, challenge: string): Promise<void> {
    await this.db.updateTable('login_challenges').set({ webauthn_challenge: challenge }).where('token_hash', '=', tokenHash).execute();
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('login_challenges').where('token_hash', '=', tokenHash).execute();
  }
}
