import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Repositories } from '../src/app/ports.js';
import { KyselyUnitOfWork } from '../src/db/unit-of-work.js';
import { DomainError } from '../src/domain/errors.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';

const actor: Actor = { type: 'system', id: null };

describe.each(ENGINES)('write transactions that run at the same time on %s', (engine) => {
  let rt: TestRuntime;

  beforeAll(async () => {
    rt = await testRuntime(engine);
  });
  afterAll(async () => {
    await rt?.dispose();
  });

  const record = (r: Repositories, action: string) =>
    r.audit.record({ orgId: null, actor, action, objectType: 'test', objectIds: [], outcome: 'success' });

  async function storedActions(prefix: string): Promise<string[]> {
    const rows = await rt.database.db.selectFrom('audit_log').select('action').where('action', 'like', `${prefix}%`).execute();
    return rows.map((r) => r.action).sort();
  }

  it('keeps the others when one of them fails halfway, and takes back all of the failed one', async () => {
    const uow = rt.ctx.uow;
    const batchesBefore = uow instanceof KyselyUnitOfWork ? (uow.groupCommit?.stats.batches ?? 0) : 0;
    const outcomes = await Promise.allSettled([
      uow.write((r) => record(r, 'gc1.a')),
      uow.write(async (r) => {
        await record(r, 'gc1.b-first-half');
        await record(r, 'gc1.b-second-half');
        throw new DomainError('slot_unavailable', 'this one fails after writing');
      }),
      uow.write(async (r) => {
        await record(r, 'gc1.c');
        return 'c done';
      }),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[2]).toEqual({ status: 'fulfilled', value: 'c done' });
    const failure = outcomes[1];
    expect(failure?.status === 'rejected' && failure.reason instanceof DomainError && failure.reason.code).toBe('slot_unavailable');
    expect(await storedActions('gc1.')).toEqual(['gc1.a', 'gc1.c']);
    if (engine === 'sqlite' && uow instanceof KyselyUnitOfWork) {
      // The three went through one BEGIN IMMEDIATE ... COMMIT.
      expect(uow.groupCommit?.stats.batches).toBe(batchesBefore + 1);
    }
  });

  it('answers a caller only once its transaction is committed', async () => {
    const uow = rt.ctx.uow;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        uow.write((r) => record(r, `gc3.${String(i).padStart(2, '0')}`)).then(async () => {
          // Read outside any transaction: only committed rows are visible here.
          expect(await storedActions(`gc3.${String(i).padStart(2, '0')}`)).toHaveLength(1);
        }),
      ),
    );
    expect(await storedActions('gc3.')).toHaveLength(20);
  });

  it('lets a read run while a write transaction is open, and the read sees only what was committed', async () => {
    const uow = rt.ctx.uow;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let wrote: () => void = () => {};
    const written = new Promise<void>((resolve) => {
      wrote = resolve;
    });
    const writing = uow.write(async (r) => {
      await record(r, 'gc3.uncommitted');
      wrote();
      await held;
    });
    await written;
    const seen = await uow.read(async (r) => (await r.accounts.auditTrail.list({ action: 'gc3.uncommitted', limit: 5 })).length);
    expect(seen).toBe(0);
    release();
    await writing;
    expect(await uow.read(async (r) => (await r.accounts.auditTrail.list({ action: 'gc3.uncommitted', limit: 5 })).length)).toBe(1);
  });
});
