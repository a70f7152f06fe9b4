/**
 * The price of field encryption: bookings per second through the HTTP API on SQLite, with
 * personal fields sealed (the product) and stored as they are (benchmark only), in one run.
 *   npm run bench:encryption -- [--seconds N] [--connections C] [--rounds R]
 * Rounds alternate sealed / plain so drift on a shared machine hits both alike; the figure
 * per mode is the median over its rounds.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DataKeyCache } from '../src/db/crypto/data-key-cache.js';
import { KeyRing } from '../src/db/crypto/key-ring.js';
import { KyselyUnitOfWork } from '../src/db/unit-of-work.js';
import { buildHttpApp } from '../src/http/app.js';
import { testRuntime } from '../test/support/databases.js';
import { parseOptions } from './support/args.js';
import { runBookingLoad } from './support/booking-load.js';
import { environmentLine } from './support/environment.js';
import { fmtInt, fmtMs, median } from './support/load.js';
import { PlaintextFieldCrypto } from './support/plaintext-crypto.js';
import { seedBookingOrg } from './support/seed.js';

type Mode = 'sealed' | 'plain';

const options = parseOptions(process.argv.slice(2), { seconds: 8, connections: 16, rounds: 2, staff: 100, warmup: 2 });

async function measure(mode: Mode): Promise<{ perSecond: number; p50: number; p99: number; non2xx: number }> {
  const rt = await testRuntime('sqlite', '2027-03-31T12:00:00Z');
  const uow =
    mode === 'plain'
      ? new KyselyUnitOfWork(rt.database, {
          clock: rt.clock,
          masterKeys: rt.masterKeys,
          keyCache: new DataKeyCache(),
          fieldCryptoFactory: (db, deps) => new PlaintextFieldCrypto(new KeyRing(db, deps.masterKeys, deps.keyCache, () => deps.clock.now())),
        })
      : rt.ctx.uow;
  const runtime = { ...rt, ctx: { ...rt.ctx, uow } };
  const app = await buildHttpApp(runtime);
  try {
    const org = await seedBookingOrg(runtime, options.staff);
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const load = await runBookingLoad(base, org, {
      connections: options.connections,
      seconds: options.seconds,
      warmup: options.warmup,
      conflictShare: 0,
      idempotencyKeys: true,
    });
    await sleep(300);
    const created = load.statusCounts['201'] ?? 0;
    const non2xx = Object.entries(load.statusCounts)
      .filter(([s]) => !s.startsWith('2'))
      .reduce((sum, [, c]) => sum + c, 0);
    return { perSecond: created / load.seconds, p50: load.latencyMs.p50, p99: load.latencyMs.p99, non2xx };
  } finally {
    await app.close();
    await rt.dispose();
  }
}


async function main(): Promise<void> {
  console.log(environmentLine());
  const results: Record<Mode, Awaited<ReturnType<typeof measure>>[]> = { sealed: [], plain: [] };
  for (let round = 0; round < options.rounds; round++) {
    for (const mode of round % 2 === 0 ? (['sealed', 'plain'] as const) : (['plain', 'sealed'] as const)) {
      const r = await measure(mode);
      results[mode].push(r);
      console.log(`round ${round + 1} ${mode.padEnd(6)} ${fmtInt(r.perSecond)} bookings/s, p50 ${fmtMs(r.p50)} ms, p99 ${fmtMs(r.p99)} ms, non-2xx ${r.non2xx}`);
    }
  }
  const sealed = median(results.sealed.map((r) => r.perSecond));
  const plain = median(results.plain.map((r) => r.perSecond));
  const cost = (1 - sealed / plain) * 100;
  console.log(`\nmedian bookings/s: sealed ${fmtInt(sealed)}, plain ${fmtInt(plain)}; encryption costs ${cost.toFixed(1)}% of throughput (target < 15%)`);
  if ([...results.sealed, ...results.plain].some((r) => r.non2xx > 0)) {
    console.log('FAILED: unexpected non-2xx answers');
    process.exitCode = 1;
  }
}

await main();
