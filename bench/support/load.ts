/**
 * Runs autocannon in a worker thread of this process, so the server under test keeps the
 * main thread (and its event loop) to itself: on a 2-core machine the load generator and
 * the server then each get a core instead of sharing one event loop.
 */
import { readFileSync } from 'node:fs';
import { type EventLoopUtilization, performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

export interface LoadSpec {
  /** Base URL of the listening server, e.g. http://127.0.0.1:41234 */
  url: string;
  connections: number;
  seconds: number;
  /** Same load first, not measured: JIT, caches, connection pools. */
  warmupSeconds: number;
  /** Module (file URL) exporting `createPlan(data)`, and its data. */
  plan: { module: string; data: unknown };
}

export interface LoadSummary {
  /** Measured wall time, seconds. */
  seconds: number;
  /** Responses received in the measured window. */
  responses: number;
  perSecond: number;
  statusCounts: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Per-response latency (send to last byte), milliseconds, from our own high-resolution samples. */
  latencyMs: { p50: number; p90: number; p99: number; mean: number; max: number };
  tally: Record<string, number>;
  warmup: { responses: number; tally: Record<string, number> };
  /**
   * The server's event loop (this process's main thread) during the measured window: the
   * share of time it was busy, and busy milliseconds per response. Near 100% busy means the
   * single server thread is the limit.
   */
  server: { busy: number; busyMsPerResponse: number; cpuMsPerResponse: number | null };
}

/**
 * CPU time of this process's main thread (the server's), milliseconds, from the kernel's
 * per-thread accounting (Linux; null elsewhere). Unlike event-loop busy time it leaves out
 * moments the thread was ready but another thread had its core: on a shared 2-core VM the
 * steadier figure when comparing two versions of the server.
 */
export function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the name: state is field 3, utime 14 and stime 15 (man 5 proc), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

type WorkerMessage = { type: 'measuring' } | { type: 'summary'; summary: Omit<LoadSummary, 'server'> };

const workerUrl = new URL('./load-worker.ts', import.meta.url).href;

export function runLoad(spec: LoadSpec): Promise<LoadSummary> {
  // The worker must load TypeScript too: register tsx there before importing the worker module.
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(workerUrl)}); })`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(boot, { eval: true, workerData: spec });
    let done = false;
    let elu: EventLoopUtilization | null = null;
    let cpuAtStart: number | null = null;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'measuring') {
        elu = performance.eventLoopUtilization();
        cpuAtStart = mainThreadCpuMs();
        return;
      }
      done = true;
      const used = performance.eventLoopUtilization(elu ?? undefined);
      const cpuAtEnd = mainThreadCpuMs();
      const { summary } = message;
      const responses = Math.max(1, summary.responses);
      const cpuMsPerResponse = cpuAtStart === null || cpuAtEnd === null ? null : (cpuAtEnd - cpuAtStart) / responses;
      resolve({ ...summary, server: { busy: used.utilization, busyMsPerResponse: used.active / responses, cpuMsPerResponse } });
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`load worker exited with code ${code} before reporting`));
    });
  });
}

export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
export const fmtMs = (n: number): string => (n < 10 ? n.toFixed(2) : n.toFixed(1));

/** The middle value (the upper one of the two middles for an even count); 0 for none. */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
