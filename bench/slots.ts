/**
 * Slot-engine benchmark on the shared workloads:
 *   npx tsx bench/slots.ts --workload <file> [--out slots.json] [--runs N] [--now ISO]
 * Prints the slot count and per-call timings; --out writes the slots as UTC ISO strings,
 * `{"provider_<id>": [...]}` or, for a ROUND_ROBIN workload, `{"team": [...]}`.
 *
 * Matching the peer's counts (w1 811, w2 19,826, w2team 858) needed no special rule: its
 * pipeline lays slots on the interval grid of each provider's local hours, lets a slot end
 * exactly at the interval end, treats a booking touching a slot as no conflict, and takes
 * the team union per start; with bookings on the 15-minute grid, its rounding of free
 * ranges to the grid lands on the same starts. 2027-03-28 (Europe DST) is a Sunday, so it
 * only moves the UTC times of the following weekdays by an hour.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { findStaffSlots } from '../src/domain/slots/slot-finder.js';
import { findTeamSlots } from '../src/domain/slots/team-slots.js';
import { type EngineInput, readWorkload, toEngineInput } from './slot-workload.js';

interface Options {
  workload: string;
  out: string | null;
  runs: number;
  now: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    workload: '',
    out: null,
    runs: 50,
    now: Date.parse('2027-02-28T00:00:00Z'),
  };
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`Missing value for ${argv[i]}`);
    switch (argv[i]) {
      case '--workload':
        options.workload = value;
        break;
      case '--out':
        options.out = value;
        break;
      case '--runs':
        options.runs = Number(value);
        break;
      case '--now':
        options.now = Date.parse(value);
        break;
      default:
        throw new Error(`Unknown option ${argv[i]}`);
    }
  }
  if (options.workload === '') throw new Error('--workload <file> is required');
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs must be >= 1');
  if (Number.isNaN(options.now)) throw new Error('--now must be an ISO instant');
  return options;
}

/** One engine "call" of the workload: all providers one at a time, or the team union. */
function compute(input: EngineInput): Record<string, number[]> {
  if (input.team) {
    return { team: findTeamSlots(input.staff, input.rules, input.query).map((s) => s.start) };
  }
  const result: Record<string, number[]> = {};
  for (const staff of input.staff) {
    result[staff.staffId] = findStaffSlots(staff, input.rules, input.query);
  }
  return result;
}

function countSlots(result: Record<string, number[]>): number {
  let count = 0;
  for (const slots of Object.values(result)) count += slots.length;
  return count;
}

interface Stats {
  median: number;
  p95: number;
  min: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { median: at(0.5), p95: at(0.95), min: sorted[0] ?? 0 };
}

function time(runs: number, fn: () => unknown): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  return samples;
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(3) : ms.toFixed(1));
const line = (label: string, s: Stats) =>
  `${label.padEnd(44)} median ${fmt(s.median)} ms   p95 ${fmt(s.p95)} ms   min ${fmt(s.min)} ms`;

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const workload = readWorkload(options.workload);

  // The first call pays for the zone's offset table (Temporal) and JIT warm-up.
  const coldStarted = performance.now();
  const firstResult = compute(toEngineInput(workload, options.now));
  const coldMs = performance.now() - coldStarted;

  const input = toEngineInput(workload, options.now);
  // Warm up both timed variants until the JIT has settled: at least 20 runs and 500 ms.
  let warmUp = 0;
  const warmUpStarted = performance.now();
  while (warmUp < 20 || performance.now() - warmUpStarted < 500) {
    compute(input);
    compute(toEngineInput(workload, options.now));
    warmUp++;
  }
  const engineOnly = stats(time(options.runs, () => compute(input)));
  const withParsing = stats(time(options.runs, () => compute(toEngineInput(workload, options.now))));

  const result = compute(input);
  const count = countSlots(result);
  if (count !== countSlots(firstResult)) throw new Error('Runs disagree on the slot count');
  const providers = input.team ? 1 : input.staff.length;

  console.log(`workload ${workload.name} (${options.workload}): ${input.staff.length} provider(s)${input.team ? ', team union' : ''}`);
  console.log(`slots ${count}`);
  console.log(`runs ${options.runs} after ${warmUp} warm-up runs; now = ${new Date(options.now).toISOString()}`);
  console.log(line('engine only (inputs already parsed)', engineOnly));
  console.log(line('including workload -> input (ISO parsing)', withParsing));
  if (providers > 1) {
    const perProvider = { median: engineOnly.median / providers, p95: engineOnly.p95 / providers, min: engineOnly.min / providers };
    console.log(line('engine only, per provider', perProvider));
  }
  console.log(`first call, cold (zone tables built via Temporal): ${fmt(coldMs)} ms`);

  if (options.out !== null) {
    const output: Record<string, string[]> = {};
    for (const [key, slots] of Object.entries(result)) {
      output[key] = slots.map((ms) => new Date(ms).toISOString());
    }
    writeFileSync(options.out, `${JSON.stringify(output, null, 2)}\n`);
    console.log(`wrote ${options.out}`);
  }
}

main();
