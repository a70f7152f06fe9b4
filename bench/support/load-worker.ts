/** Worker-thread side of `runLoad`: autocannon with the plan's requests, then a summary. */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import autocannon, { type Client } from 'autocannon';
import type { LoadSpec, LoadSummary } from './load.js';
import type { LoadPlan } from './plan.js';

class Samples {
  private values = new Float64Array(1 << 16);
  length = 0;
  add(v: number): void {
    if (this.length === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = v;
  }
  summary(): LoadSummary['latencyMs'] {
    const sorted = this.values.slice(0, this.length).sort();
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
    let sum = 0;
    for (const v of sorted) sum += v;
    return { p50: at(0.5), p90: at(0.9), p99: at(0.99), mean: sorted.length ? sum / sorted.length : 0, max: at(1) };
  }
}

interface Window {
  samples: Samples;
  statusCounts: Record<string, number>;
  seconds: number;
  errors: number;
  timeouts: number;
}

async function measure(spec: LoadSpec, plan: LoadPlan, seconds: number, nextConnection: { n: number }): Promise<Window> {
  const samples = new Samples();
  const statusCounts: Record<string, number> = {};
  const started = performance.now();
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: seconds,
    pipelining: 1,
    timeout: 30,
    setupClient: (client: Client) => {
      client.setRequests(plan.connectionRequests(nextConnection.n++));
      client.on('response', (status: number, _bytes: number, ms: number) => {
        samples.add(ms);
        statusCounts[status] = (statusCounts[status] ?? 0) + 1;
      });
    },
  });
  return { samples, statusCounts, seconds: Math.min(result.duration, (performance.now() - started) / 1000), errors: result.errors, timeouts: result.timeouts };
}

async function main(): Promise<void> {
  const spec = workerData as LoadSpec;
  const { createPlan } = (await import(spec.plan.module)) as { createPlan: (data: unknown) => LoadPlan };
  const plan = createPlan(spec.plan.data);
  const nextConnection = { n: 0 };
  let warmup: LoadSummary['warmup'] = { responses: 0, tally: {} };
  if (spec.warmupSeconds > 0) {
    const w = await measure(spec, plan, spec.warmupSeconds, nextConnection);
    warmup = { responses: w.samples.length, tally: plan.tally() };
    plan.reset();
  }
  parentPort?.postMessage({ type: 'measuring' });
  const m = await measure(spec, plan, spec.seconds, nextConnection);
  const summary: Omit<LoadSummary, 'server'> = {
    seconds: m.seconds,
    responses: m.samples.length,
    perSecond: m.samples.length / m.seconds,
    statusCounts: m.statusCounts,
    errors: m.errors,
    timeouts: m.timeouts,
    latencyMs: m.samples.summary(),
    tally: plan.tally(),
    warmup,
  };
  parentPort?.postMessage({ type: 'summary', summary });
}

main().catch((e: unknown) => {
  // Surface the failure to the main thread as a worker 'error'.
  setImmediate(() => {
    throw e;
  });
});
