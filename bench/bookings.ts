/**
 * Bookings per second through the real HTTP API:
 *   npm run bench:bookings -- [--engine sqlite|postgres|both] [--seconds N] [--connections C]
 *                             [--staff S] [--conflict-share 0.1] [--warmup N] [--idempotency-keys yes|no]
 *                             [--runs R]
 *
 * The server runs in this process (`buildHttpApp` + `listen({ port: 0 })`) on a fresh SQLite
 * file or PostgreSQL schema, with a fixed clock; autocannon runs in a worker thread. Each
 * request books a different (staff, start) computed up front from the fixture (see
 * support/slot-grid.ts), except a share aimed at slots already booked, which must get 409.
 * Afterwards the bookings table is checked for overlapping live bookings of one staff member.
 * With --runs R the whole run (fresh database included) is repeated and the medians printed:
 * on a shared VM one run can land 30% above or below the next.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { OCCUPYING_STATUSES } from '../src/domain/booking/booking-status.js';
import type { Engine } from '../src/db/engine.js';
import { buildHttpApp } from '../src/http/app.js';
import { testRuntime } from '../test/support/databases.js';
import { parseOptions } from './support/args.js';
import { runBookingLoad } from './support/booking-load.js';
import { environmentLine } from './support/environment.js';
import { fmtInt, fmtMs, median } from './support/load.js';
import { type BookingOrg, seedBookingOrg } from './support/seed.js';
import { gridSlot } from './support/slot-grid.js';

const NOW = '2027-03-31T12:00:00Z';

const options = parseOptions(
  process.argv.slice(2),
  { engine: 'sqlite', seconds: 10, connections: 16, staff: 100, 'conflict-share': 0.1, warmup: 2, 'idempotency-keys': 'yes', runs: 1 },
  { engine: ['sqlite', 'postgres', 'both'], 'idempotency-keys': ['yes', 'no'] },
);

/** The slots API must offer exactly the grid's starts: the fixture reasoning, checked once. */
async function checkGrid(base: string, org: BookingOrg): Promise<void> {
  const staffId = org.grid.staffIds[0] as string;
  for (const day of [org.grid.days[0], org.grid.days.at(-1)] as string[]) {
    const res = await fetch(`${base}/api/v1/orgs/${org.slug}/services/${org.service.id}/slots?from=${day}&to=${day}&timeZone=Europe/Berlin&staffId=${staffId}`);
    const body = (await res.json()) as { slots: { start: string }[] };
    const offered = body.slots.map((s) => Date.parse(s.start));
    const dayIndex = org.grid.days.indexOf(day);
    const perDay = org.grid.staffIds.length * org.grid.slotsPerDay;
    const expected = Array.from({ length: org.grid.slotsPerDay }, (_, k) => Date.parse(gridSlot(org.grid, dayIndex * perDay + k * org.grid.staffIds.length).start));
    if (JSON.stringify(offered) !== JSON.stringify(expected)) throw new Error(`The slots API offers other starts than the grid on ${day}`);
  }
}

interface RunFigures {
  ok: boolean;
  requestsPerSecond: number;
  createdPerSecond: number;
  cpuMsPerRequest: number | null;
}

async function benchEngine(engine: Engine): Promise<RunFigures> {
  const rt = await testRuntime(engine, NOW);
  const app = await buildHttpApp(rt);
  try {
    const org = await seedBookingOrg(rt, options.staff);
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    await checkGrid(base, org);

    const load = await runBookingLoad(base, org, {
      connections: options.connections,
      seconds: options.seconds,
      warmup: options.warmup,
      conflictShare: options['conflict-share'],
      idempotencyKeys: options['idempotency-keys'] === 'yes',
    });
    await sleep(500); // let requests still in flight when the load stopped finish

    const t = load.tally as Record<string, number>;
    const n = (k: string) => t[k] ?? 0;
    const conflicts409 = load.statusCounts['409'] ?? 0;
    const created201 = load.statusCounts['201'] ?? 0;
    const otherNon2xx = Object.entries(load.statusCounts)
      .filter(([s]) => s !== '409' && !s.startsWith('2'))
      .reduce((sum, [, c]) => sum + c, 0);

    const live = OCCUPYING_STATUSES as readonly string[];
    const db = rt.database.db;
    const doubles = await sql<{ n: number | string }>`
      SELECT count(*) AS n FROM bookings a JOIN bookings b
        ON a.staff_id = b.staff_id AND a.id < b.id AND a.busy_start < b.busy_end AND b.busy_start < a.busy_end
      WHERE a.org_id = ${org.orgId} AND b.org_id = ${org.orgId}
        AND a.capacity_one = 1 AND b.capacity_one = 1
        AND a.status IN (${sql.join(live)}) AND b.status IN (${sql.join(live)})`.execute(db);
    const doubleBookings = Number(doubles.rows[0]?.n ?? -1);
    const stored = await sql<{ n: number | string }>`SELECT count(*) AS n FROM bookings WHERE org_id = ${org.orgId}`.execute(db);
    const storedBookings = Number(stored.rows[0]?.n ?? -1);
    const createdTotal = n('created') + (load.warmup.tally.created ?? 0);

    const pct = (x: number) => `${((100 * x) / Math.max(1, load.responses)).toFixed(1)}%`;
    console.log(`\n== bookings, ${engine} ==`);
    console.log(
      `${options.connections} connections, ${options.staff} staff, conflict share ${options['conflict-share']}, ` +
        `idempotency keys ${options['idempotency-keys']}, measured ${load.seconds.toFixed(2)} s after ${options.warmup} s warm-up`,
    );
    console.log(`requests               ${fmtInt(load.responses)} (${fmtInt(load.perSecond)}/s)`);
    console.log(`bookings created       ${fmtInt(created201)} (${fmtInt(created201 / load.seconds)}/s)`);
    console.log(
      `conflicts (409)        ${fmtInt(conflicts409)} (${pct(conflicts409)}); aimed at taken slots ${fmtInt(n('aimedAtTaken'))}, ` +
        `taken but 201: ${n('takenButCreated')}, free but 409: ${n('freeButConflict')}`,
    );
    console.log(`other non-2xx          ${otherNon2xx}   (errors ${load.errors}, timeouts ${load.timeouts})`);
    console.log(`latency                p50 ${fmtMs(load.latencyMs.p50)} ms, p90 ${fmtMs(load.latencyMs.p90)} ms, p99 ${fmtMs(load.latencyMs.p99)} ms, max ${fmtMs(load.latencyMs.max)} ms`);
    console.log(`server thread          ${(100 * load.server.busy).toFixed(0)}% busy, ${fmtMs(load.server.busyMsPerResponse)} ms busy per request${load.server.cpuMsPerResponse === null ? '' : `, ${load.server.cpuMsPerResponse.toFixed(2)} ms CPU per request`}`);
    console.log(`stored bookings        ${fmtInt(storedBookings)} (201s seen incl. warm-up: ${fmtInt(createdTotal)}; the rest were in flight at the cut-off)`);
    console.log(`double bookings: ${doubleBookings}`);

    const ok =
      doubleBookings === 0 && otherNon2xx === 0 && load.errors === 0 && n('takenButCreated') === 0 && n('freeButConflict') === 0 && storedBookings >= createdTotal;
    if (!ok) console.log('FAILED: see the counts above');
    return { ok, requestsPerSecond: load.perSecond, createdPerSecond: created201 / load.seconds, cpuMsPerRequest: load.server.cpuMsPerResponse };
  } finally {
    await app.close();
    await rt.dispose();
  }
}

async function main(): Promise<void> {
  console.log(environmentLine());
  const engines: Engine[] = options.engine === 'both' ? ['sqlite', 'postgres'] : [options.engine as Engine];
  let ok = true;
  for (const engine of engines) {
    const runs: RunFigures[] = [];
    for (let run = 0; run < options.runs; run++) runs.push(await benchEngine(engine));
    ok = ok && runs.every((r) => r.ok);
    if (runs.length > 1) printMedians(engine, runs);
  }
  if (!ok) process.exitCode = 1;
}

function printMedians(engine: Engine, runs: RunFigures[]): void {
  const created = runs.map((r) => r.createdPerSecond);
  const cpu = runs.flatMap((r) => (r.cpuMsPerRequest === null ? [] : [r.cpuMsPerRequest]));
  console.log(`\n== bookings, ${engine}: median of ${runs.length} runs ==`);
  console.log(`bookings created/s     ${fmtInt(median(created))} (runs: ${created.map(fmtInt).join(', ')})`);
  console.log(`requests/s             ${fmtInt(median(runs.map((r) => r.requestsPerSecond)))}`);
  if (cpu.length > 0) console.log(`server CPU per request ${median(cpu).toFixed(2)} ms (runs: ${cpu.map((c) => c.toFixed(2)).join(', ')})`);
}

await main();
