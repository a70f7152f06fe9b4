import type { Kysely, Selectable } from 'kysely';
import type { User } from '../../app/auth/account-model.js';
import type { UserRepository } from '../../app/auth/account-ports.js';
import { conflict } from '../../domain/errors.js';
import type { Locale } from '../../domain/model.js';
import { normalizeEmail } from '../../security/crypto/blind-index.js';
import type { UsersTable } from '../account-schema.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import type { DB } from '../schema.js';
import { uniqueViolationAs } from '../write-errors.js';

/**
 * Users are not owned by one organization (a person may work for several), so their email
 * index lives under its own key scope rather than an org's.
 */
export const USERS_KEY_SCOPE = 'users';

const place = (column: string, rowId: string) => ({ table: 'users', column, rowId });

/** Users' emails, names and phones are sealed with the user's own data key. */
export class KyselyUserRepository implements UserRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly crypto: FieldCrypto,
    private readonly now: () => number,
  ) {}

  async findByEmail(email: string): Promise<User | null> {
    if (!(await this.indexKeyExists())) return null;
    const index = await this.crypto.index(USERS_KEY_SCOPE, normalizeEmail(email));
    const row = await this.db.selectFrom('users').selectAll().where('email_index', '=', index).executeTakeFirst();
    return row ? this.toUser(row) : null;
  }

  async findCredentials(email: string): Promise<Pick<User, 'id' | 'passwordHash' | 'disabledAt'> | null> {
    const row = await this.db
      .selectFrom('users')
      .select(['id', 'password_hash', 'disabled_at'])
      .where('email_index', '=', await this.emailKey(email))
      .executeTakeFirst();
    return row ? { id: row.id, passwordHash: row.password_hash, disabledAt: row.disabled_at } : null;
  }

  async findById(id: string): Promise<User | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? this.toUser(row) : null;
  }

  async insert(u: User): Promise<void> {
    const owner = { orgId: USERS_KEY_SCOPE, type: 'user', id: u.id } as const;
    const [email_enc, name_enc, phone_enc, email_index] = await Promise.all([
      this.crypto.seal(owner, place('email', u.id), u.email),
      this.crypto.seal(owner, place('name', u.id), u.name),
      this.crypto.sealOptional(owner, place('phone', u.id), u.phone),
      this.emailKey(u.email),
    ]);
    await this.db
      .insertInto('users')
      .values({
        id: u.id,
        email_enc,
        email_index,
        name_enc,
        phone_enc,
        locale: u.locale,
        password_hash: u.passwordHash,
        password_changed_at: u.passwordChangedAt,
        password_compromised: u.passwordCompromised ? 1 : 0,
        disabled_at: u.disabledAt,
        created_at: u.createdAt,
        updated_at: u.createdAt,
      })
      .execute()
      .catch(uniqueViolationAs(() => conflict('A user with this email already exists')));
  }

  async setPassword(id: string, passwordHash: string | null, changedAt: number | null, compromised: boolean): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: changedAt, password_compromised: compromised ? 1 : 0, updated_at: this.now() })
      .where('id', '=', id)
      .execute();
  }

  async setDisabled(id: string, disabledAt: number | null): Promise<void> {
    await this.db.updateTable('users').set({ disabled_at: disabledAt, updated_at: this.now() }).where('id', '=', id).execute();
  }

  async antiPhishingPhrase(id: string): Promise<string | null> {
    const row = await this.db.selectFrom('users').select('anti_phishing_enc').where('id', '=', id).executeTakeFirst();
    return row ? this.crypto.openOptional(place('anti_phishing', id), row.anti_phishing_enc) : null;
  }

  async setAntiPhishingPhrase(id: string, phrase: string | null): Promise<void> {
    const owner = { orgId: USERS_KEY_SCOPE, type: 'user', id } as const;
    const sealed = await this.crypto.sealOptional(owner, place('anti_phishing', id), phrase);
    await this.db.updateTable('users').set({ anti_phishing_enc: sealed, updated_at: this.now() }).where('id', '=', id).execute();
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Call inside a write: the first call ever creates the users' index key, and the row lock
   * taken here keeps two first calls on PostgreSQL from creating two different keys.
   */
  async emailKey(email: string): Promise<string> {
    if (!(await this.indexKeyExists())) {
      await this.db.updateTable('account_directory').set({ touched_at: this.now() }).where('id', '=', 'users').execute();
    }
    return this.crypto.index(USERS_KEY_SCOPE, normalizeEmail(email));
  }

  private async indexKeyExists(): Promise<boolean> {
    const row = await this.db
      .selectFrom('data_keys')
      .select('id')
      .where('owner_type', '=', 'org_index')
      .where('owner_id', '=', USERS_KEY_SCOPE)
      .where('destroyed_at', 'is', null)
      .executeTakeFirst();
    return row !== undefined;
  }

  private async toUser(r: Selectable<UsersTable>): Promise<User> {
    const [email, name, phone] = await Promise.all([
      this.crypto.open(place('email', r.id), r.email_enc),
      this.crypto.open(place('name', r.id), r.name_enc),
      this.crypto.openOptional(place('phone', r.id), r.phone_enc),
    ]);
    return {
      id: r.id,
      email,
      name,
      phone,
      locale: r.locale as Locale,
      passwordHash: r.password_hash,
      passwordChangedAt: r.password_changed_at,
      passwordCompromised: r.password_compromised === 1,
      disabledAt: r.disabled_at,
      createdAt: r.created_at,
    };
  }
}
