import { type Kysely, sql } from 'kysely';
import { keyIdOf, openField, sealField } from '../../security/crypto/field-cipher.js';
import type { MasterKeyProvider } from '../../security/crypto/master-key.js';
import type { DB } from '../schema.js';
import { DataKeyCache } from './data-key-cache.js';
import { KeyRing } from './key-ring.js';
import { SEALED_COLUMNS, type SealedColumn } from './sealed-columns.js';

export interface KeyStatus {
  masterKeys: { version: string; createdAt: number | null; current: boolean; dataKeys: number }[];
  dataKeys: { active: number; retired: number; destroyed: number };
  /** Data keys still wrapped by a master key version that is not the current one. */
  staleWraps: number;
}

export type Progress = (done: number, total: number, phase: string) => void;

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

/**
 * Master key rotation (re-wrap every data key with the current master version) and optional
 * re-encryption (new data keys, every sealed value re-sealed). Both run in small batches, each
 * its own transaction, so the server keeps serving; both resume where a stopped run left off.
 */
export class KeyRotation {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly master: MasterKeyProvider,
    private readonly now: () => number,
    private readonly batchSize = 500,
  ) {}

  async status(): Promise<KeyStatus> {
    const rows = await this.db
      .selectFrom('data_keys')
      .select(['master_version', 'retired_at', 'destroyed_at'])
      .execute();
    const live = rows.filter((r) => r.destroyed_at === null);
    const current = this.master.currentVersion();
    return {
      masterKeys: this.master.versions().map((v) => ({ ...v, dataKeys: live.filter((r) => r.master_version === v.version).length })),
      dataKeys: {
        active: live.filter((r) => r.retired_at === null).length,
        retired: live.filter((r) => r.retired_at !== null).length,
        destroyed: rows.length - live.length,
      },
      staleWraps: live.filter((r) => r.master_version !== current).length,
    };
  }

  /** Re-wraps every live data key not yet wrapped by the current master key version. */
  async rewrap(progress: Progress = () => {}): Promise<number> {
    const current = this.master.currentVersion();
    const total = Number((await this.staleQuery(current).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
    let done = 0;
    // In id order from where the last batch ended: each key is read once, however many there are.
    let afterId = '';
    for (;;) {
      const batch = await this.staleQuery(current)
        .select(['id', 'master_version', 'wrapped'])
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(this.batchSize)
        .execute();
      if (batch.length === 0) return done;
      afterId = (batch.at(-1) as { id: string }).id;
      await this.db.transaction().execute(async (trx) => {
        for (const k of batch) {
          if (!k.wrapped) continue;
          const key = await this.master.unwrap(k.master_version, k.wrapped);
          const next = await this.master.wrap(key);
          await trx
            .updateTable('data_keys')
            .set({ master_version: next.version, wrapped: next.wrapped })
            .where('id', '=', k.id)
            .where('master_version', '=', k.master_version)
            .execute();
        }
      });
      done += batch.length;
      progress(done, total, 'rewrap');
    }
  }

  private staleQuery(current: string) {
    return this.db
      .selectFrom('data_keys')
      .where('master_version', '!=', current)
      .where('destroyed_at', 'is', null)
      .where('wrapped', 'is not', null);
  }

  /**
   * New data keys for every owner, then every sealed value re-sealed under its owner's new key;
   * retired keys are destroyed once nothing refers to them any more.
   */
  async reencrypt(progress: Progress = () => {}): Promise<number> {
    const startedAt = this.now();
    await this.db
      .updateTable('data_keys')
      .set({ retired_at: startedAt })
      .where('retired_at', 'is', null)
      .where('destroyed_at', 'is', null)
      .where('created_at', '<=', startedAt)
      .where('owner_type', '!=', 'org_index') // blind indexes would all change: kept
      .execute();
    const retired = new Set(
      (
        await this.db
          .selectFrom('data_keys')
          .select('id')
          .where('retired_at', 'is not', null)
          .where('destroyed_at', 'is', null)
          .execute()
      ).map((r) => r.id),
    );
    let done = 0;
    const total = await this.countSealed();
    for (const column of SEALED_COLUMNS) done += await this.reencryptColumn(column, retired, (n) => progress(done + n, total, 'reencrypt'));
    await this.destroyUnused(retired);
    return done;
  }

  private async countSealed(): Promise<number> {
    let total = 0;
    for (const c of SEALED_COLUMNS) {
      const r = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql.table(c.table)} WHERE ${sql.ref(c.dbColumn)} IS NOT NULL AND ${sql.ref(c.dbColumn)} != ''`.execute(this.db);
      total += Number(r.rows[0]?.n ?? 0);
    }
    return total;
  }

  private async reencryptColumn(c: SealedColumn, retired: Set<string>, progress: (n: number) => void): Promise<number> {
    const db = this.db as unknown as AnyDb;
    let afterId = '';
    let moved = 0;
    for (;;) {
      const rows = await db
        .selectFrom(c.table)
        .select(['id', c.dbColumn, ...c.ownerColumns])
        .where('id', '>', afterId)
        .where(c.dbColumn, 'is not', null)
        .orderBy('id')
        .limit(this.batchSize)
        .execute();
      if (rows.length === 0) return moved;
      afterId = String(rows[rows.length - 1]?.id);
      await (this.db as unknown as AnyDb).transaction().execute(async (trx) => {
        const ring = new KeyRing(trx as unknown as Kysely<DB>, this.master, new DataKeyCache(), this.now);
        for (const row of rows) {
          const sealed = row[c.dbColumn];
          if (typeof sealed !== 'string' || sealed === '' || !retired.has(keyIdOf(sealed))) continue;
          const aad = `${c.table}.${c.aadColumn}.${String(row.id)}`;
          const plain = openField(await ring.keyById(keyIdOf(sealed)), aad, sealed);
          const { id: keyId, key } = await ring.activeKey(c.ownerOf(row));
          await trx
            .updateTable(c.table)
            .set({ [c.dbColumn]: sealField(key, keyId, aad, plain) })
            .where('id', '=', String(row.id))
            .where(c.dbColumn, '=', sealed)
            .execute();
          moved += 1;
        }
      });
      progress(moved);
    }
  }

  /** Retired keys that no sealed value names any more are destroyed. */
  private async destroyUnused(retired: Set<string>): Promise<void> {
    const stillUsed = new Set<string>();
    const db = this.db as unknown as AnyDb;
    for (const c of SEALED_COLUMNS) {
      const rows = await db.selectFrom(c.table).select([c.dbColumn]).where(c.dbColumn, 'is not', null).execute();
      for (const r of rows) {
        const v = r[c.dbColumn];
        if (typeof v === 'string' && v !== '') stillUsed.add(keyIdOf(v));
      }
    }
    const unused = [...retired].filter((id) => !stillUsed.has(id));
    for (let i = 0; i < unused.length; i += this.batchSize) {
      await this.db
        .updateTable('data_keys')
        .set({ wrapped: null, destroyed_at: this.now() })
        .where('id', 'in', unused.slice(i, i + this.batchSize))
        .execute();
    }
  }
}
