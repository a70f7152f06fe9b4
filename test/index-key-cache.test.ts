import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataKeyCache } from '../src/db/crypto/data-key-cache.js';
import { FieldCrypto } from '../src/db/crypto/field-crypto.js';
import { KeyRing } from '../src/db/crypto/key-ring.js';
import type { MasterKeyProvider } from '../src/security/crypto/master-key.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import { seedShop } from './support/fixtures.js';

/** The org's blind-index key is looked up once per process, then remembered in the key cache. */
describe.each(ENGINES)("the org's index key on %s", (engine) => {
  let rt: TestRuntime;
  let orgId: string;

  beforeAll(async () => {
    rt = await testRuntime(engine);
    orgId = (await seedShop(rt)).orgId;
  });
  afterAll(async () => {
    await rt?.dispose();
  });

  let unwraps = 0;
  /** A fresh FieldCrypto per call, as each unit of work gets one; the cache is shared. */
  const crypto = (cache: DataKeyCache) => {
    const counting: MasterKeyProvider = {
      kind: rt.masterKeys.kind,
      currentVersion: () => rt.masterKeys.currentVersion(),
      versions: () => rt.masterKeys.versions(),
      wrap: (key) => rt.masterKeys.wrap(key),
      unwrap: (version, wrapped) => {
        unwraps += 1;
        return rt.masterKeys.unwrap(version, wrapped);
      },
    };
    return new FieldCrypto(new KeyRing(rt.database.db, counting, cache, () => rt.clock.now()));
  };
  const indexKeyRows = () =>
    rt.database.db.selectFrom('data_keys').select(['id', 'wrapped']).where('owner_type', '=', 'org_index').where('owner_id', '=', orgId).execute();

  it('is remembered after its first lookup, and the index is the same with or without the row', async () => {
    const cache = new DataKeyCache();
    unwraps = 0;
    const first = await crypto(cache).index(orgId, 'ana@example.org');
    expect(await crypto(cache).index(orgId, 'ana@example.org')).toBe(first);
    expect(unwraps).toBe(1);
    const saved = await indexKeyRows();
    expect(saved).toHaveLength(1);
    // Hide the row: a lookup would now create a new key (another index); the remembered one is used.
    await rt.database.db.updateTable('data_keys').set({ owner_id: 'hidden' }).where('id', '=', saved[0]?.id as string).execute();
    try {
      expect(await crypto(cache).index(orgId, 'ana@example.org')).toBe(first);
      expect(await indexKeyRows()).toHaveLength(0);
    } finally {
      await rt.database.db.updateTable('data_keys').set({ owner_id: orgId }).where('id', '=', saved[0]?.id as string).execute();
    }
    // Another process (another cache) reads the same key from the row.
    expect(await crypto(new DataKeyCache()).index(orgId, 'ana@example.org')).toBe(first);
  });

  it('is looked up again once the cache has aged it out', async () => {
    let now = 0;
    const cache = new DataKeyCache(100, 1_000, () => now);
    unwraps = 0;
    const first = await crypto(cache).index(orgId, 'ben@example.org');
    now = 500;
    await crypto(cache).index(orgId, 'ben@example.org');
    expect(unwraps).toBe(1);
    now = 5_000;
    expect(await crypto(cache).index(orgId, 'ben@example.org')).toBe(first);
    expect(unwraps).toBe(2);
  });

  it('is forgotten when destroyed: the next index uses a new key', async () => {
    const cache = new DataKeyCache();
    const before = await crypto(cache).index(orgId, 'ben@example.org');
    await crypto(cache).destroyKeys({ type: 'org_index', id: orgId });
    expect(await crypto(cache).index(orgId, 'ben@example.org')).not.toBe(before);
    expect((await indexKeyRows()).filter((r) => r.wrapped !== null)).toHaveLength(1);
  });
});
