/**
 * Slot queries per second through the HTTP API, next to an empty route in the same run:
 *   npm run bench:availability -- [--engine sqlite|postgres|both] [--seconds N] [--connections C] [--warmup N] [--rounds R]
 *
 * One process: the Slotguard app (`buildHttpApp`, fixed clock, fresh SQLite file or PostgreSQL
 * schema) and a plain Fastify instance listen on ephemeral ports; autocannon runs in a worker
 * thread with the same settings for every measurement:
 *   1. GET /bench/empty on a plain Fastify instance (no plugins): the framework's ceiling;
 *   2. GET /bench/empty registered on the Slotguard app (helmet headers, hooks): the app's ceiling;
 *   3. GET /api/v1/orgs/:org/services/:id/slots over 7 days (4 different weeks, rotated),
 *      without Accept-Encoding (the whole JSON on the wire);
 *   4. the same with `Accept-Encoding: gzip, deflate, br, zstd`, as every browser sends it (the
 *      booking page's own requests): cached answers go out gzip-compressed;
 *   5. and 6. the same two over 31 days (4 different months, rotated);
 *   7. the 7-day queries again on a second app over the same runtime whose slot answer cache
 *      keeps nothing: what every query costs when availability changes between requests.
 * Nothing is written while measuring, so 3 and 4 are answered from the slot answer cache
 * (src/app/public/slot-answer-cache.ts) after their first request; the hit counts are printed.
 * Fixture: 1 service (30 min every 15 min, 10-min buffer after), 4 staff with differing weekly
 * hours, about every third start booked for 8 weeks.
 */
import { gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import type { Engine } from '../src/db/engine.js';
import { SlotAnswerCache } from '../src/app/public/slot-answer-cache.js';
import { buildHttpApp } from '../src/http/app.js';
import { testRuntime } from '../test/support/databases.js';
import { parseOptions } from './support/args.js';
import { environmentLine } from './support/environment.js';
import type { FixedPlanData } from './support/fixed-plan.js';
import { type LoadSummary, fmtInt, fmtMs, median, runLoad } from './support/load.js';
import { seedClinic } from './support/seed.js';
import { dateRange } from './support/slot-grid.js';

const NOW = '2027-03-31T12:00:00Z';
const BOOKED_FROM = '2027-04-05';
const BOOKED_DAYS = 56;

const options = parseOptions(
  process.argv.slice(2),
  { engine: 'sqlite', seconds: 10, connections: 10, warmup: 2, rounds: 3 },
  { engine: ['sqlite', 'postgres', 'both'] },
);

const planModule = new URL('./support/fixed-plan.ts', import.meta.url).href;

/** What Chromium and Firefox send on a fetch() from the booking page. */
const BROWSER_ENCODINGS = { 'accept-encoding': 'gzip, deflate, br, zstd' };


async function measure(url: string, paths: string[], headers: Record<string, string> = {}): Promise<LoadSummary> {
  const data: FixedPlanData = { requests: paths.map((path) => ({ method: 'GET', path, headers })) };
  const load = await runLoad({
    url,
    connections: options.connections,
    seconds: options.seconds,
    warmupSeconds: options.warmup,
    plan: { module: planModule, data },
  });
  const bad = Object.entries(load.statusCounts).filter(([s]) => s !== '200');
  if (bad.length > 0 || load.errors > 0) throw new Error(`Unexpected answers: ${JSON.stringify(load.statusCounts)}, errors ${load.errors}`);
  return load;
}

async function benchEngine(engine: Engine): Promise<void> {
  const rt = await testRuntime(engine, NOW);
  const app = await buildHttpApp(rt);
  const plain = Fastify({ logger: false });
  const uncached = await buildHttpApp({ ...rt, ctx: { ...rt.ctx, slotAnswers: new SlotAnswerCache({ maxEntries: 0 }) } });
  try {
    const clinic = await seedClinic(rt, BOOKED_FROM, BOOKED_DAYS);
    app.get('/bench/empty', async () => ({ ok: true }));
    plain.get('/bench/empty', async () => ({ ok: true }));
    const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const plainUrl = await plain.listen({ port: 0, host: '127.0.0.1' });
    const uncachedUrl = await uncached.listen({ port: 0, host: '127.0.0.1' });

    const slots = (from: string, days: number) =>
      `/api/v1/orgs/${clinic.slug}/services/${clinic.service.id}/slots?from=${from}&to=${dateRange(from, days).at(-1)}&timeZone=Europe%2FBerlin`;
    const week = ['2027-04-05', '2027-04-12', '2027-04-19', '2027-04-26'].map((d) => slots(d, 7));
    const month = ['2027-04-01', '2027-04-08', '2027-04-15', '2027-04-22'].map((d) => slots(d, 31));

    console.log(`\n== availability, ${engine} ==`);
    console.log(`${clinic.staffIds.length} staff, ${fmtInt(clinic.existingBookings)} existing bookings; ${options.connections} connections, ${options.seconds} s per measurement after ${options.warmup} s warm-up`);
    for (const [label, paths] of [['7-day', week], ['31-day', month]] as const) {
      const sizes = await Promise.all(
        paths.map(async (p) => {
          const res = await fetch(`${appUrl}${p}`);
          const text = await res.text();
          if (res.status !== 200) throw new Error(`${p}: ${res.status} ${text}`);
          return { slots: (JSON.parse(text) as { slots: unknown[] }).slots.length, bytes: text.length, gzip: gzipSync(text).length };
        }),
      );
      console.log(`${label} queries: ${sizes.map((s) => `${s.slots} slots/${fmtInt(s.bytes / 1024)} KiB (gzip ${(s.gzip / 1024).toFixed(1)} KiB)`).join(', ')}`);
    }

    const before = { ...rt.ctx.slotAnswers.stats };
    const plan: [string, () => Promise<LoadSummary>][] = [
      ['empty route, plain Fastify', () => measure(plainUrl, ['/bench/empty'])],
      ['empty route, Slotguard app', () => measure(appUrl, ['/bench/empty'])],
      ['slots, 7-day range', () => measure(appUrl, week)],
      ['slots, 7-day, gzip accepted', () => measure(appUrl, week, BROWSER_ENCODINGS)],
      ['slots, 31-day range', () => measure(appUrl, month)],
      ['slots, 31-day, gzip accepted', () => measure(appUrl, month, BROWSER_ENCODINGS)],
      ['slots, 7-day, no cache', () => measure(uncachedUrl, week)],
    ];
    // Every measurement once per round; a ratio compares measurements of the same round
    // (a minute apart at most), and the figures are medians over the rounds: on a shared VM
    // the same measurement moves by 20% or more from one minute to the next.
    const rounds: LoadSummary[][] = [];
    for (let round = 0; round < options.rounds; round++) {
      const results: LoadSummary[] = [];
      for (const [, run] of plan) results.push(await run());
      rounds.push(results);
      const plainRate = results[0]?.perSecond ?? 1;
      console.log(`round ${round + 1}: ${plan.map(([label], i) => `${label} ${fmtInt(results[i]?.perSecond ?? 0)}/s (${((results[i]?.perSecond ?? 0) / plainRate).toFixed(2)})`).join('; ')}`);
    }
    const hits = rt.ctx.slotAnswers.stats.hits - before.hits;
    const misses = rt.ctx.slotAnswers.stats.misses - before.misses;
    console.log(`slot answer cache while measuring: ${fmtInt(hits)} hits, ${fmtInt(misses)} misses (the no-cache app misses every time)`);

    console.log(
      `${'measurement (median of rounds)'.padEnd(31)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'server busy'.padStart(12)} ${'ms/req'.padStart(7)} ${'CPU ms/req'.padStart(10)}  ratio to empty (plain / app), median of the rounds' ratios`,
    );
    plan.forEach(([label], i) => {
      const of = (pick: (s: LoadSummary) => number) => median(rounds.map((r) => pick(r[i] as LoadSummary)));
      const ratioTo = (j: number) => median(rounds.map((r) => (r[i]?.perSecond ?? 0) / (r[j]?.perSecond ?? 1)));
      console.log(
        `${label.padEnd(31)} ${fmtInt(of((s) => s.perSecond)).padStart(8)} ${fmtMs(of((s) => s.latencyMs.p50)).padStart(8)} ${fmtMs(of((s) => s.latencyMs.p99)).padStart(8)} ` +
          `${`${(100 * of((s) => s.server.busy)).toFixed(0)}%`.padStart(12)} ${of((s) => s.server.busyMsPerResponse).toFixed(3).padStart(7)} ` +
          `${of((s) => s.server.cpuMsPerResponse ?? Number.NaN).toFixed(3).padStart(10)}  ` +
          `${ratioTo(0).toFixed(2)} / ${ratioTo(1).toFixed(2)}`,
      );
    });
  } finally {
    await plain.close();
    await uncached.close();
    await app.close();
    await rt.dispose();
  }
}

async function main(): Promise<void> {
  console.log(environmentLine());
  const engines: Engine[] = options.engine === 'both' ? ['sqlite', 'postgres'] : [options.engine as Engine];
  for (const engine of engines) await benchEngine(engine);
}

await main();
