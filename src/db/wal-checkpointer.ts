import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * SQLite appends each commit to the write-ahead log and copies the pages back into the
 * database file in a checkpoint, which by default runs inside the COMMIT that makes the log
 * pass 1,000 pages: the request that happens to commit then also copies a few megabytes and
 * waits for two fsyncs (10-50 ms on this VM, about 70% of all COMMIT time under booking load).
 *
 * This worker thread, with its own connection, checkpoints instead (PASSIVE: it never blocks
 * readers or the writer, and copies only what is committed). The writer's own automatic
 * checkpoint stays as a backstop at a larger size: under a steady stream of commits the log
 * can only start over after a checkpoint that caught up with it, which the writer's own
 * checkpoint guarantees (nothing commits while it runs); with the worker's copying done, that
 * one only has the last pages to copy. If the worker stops, the backstop goes back to
 * SQLite's default, so the log never grows without bound.
 */

/** Pages in the log before the writer checkpoints by itself while the worker runs (about 40 MB). */
export const BACKSTOP_PAGES = 10_000;
/** SQLite's default, restored when the worker is gone. */
export const DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

export interface CheckpointerOptions {
  /** Between checkpoints while pages are being written. */
  busyIntervalMs: number;
  /**
   * Between checks while nothing was written. Short enough that a burst of writes after a
   * quiet spell is caught long before the log reaches the backstop (a second of bookings at full
   * speed is about 10,000 pages).
   */
  idleIntervalMs: number;
}

const DEFAULTS: CheckpointerOptions = { busyIntervalMs: 50, idleIntervalMs: 250 };

/** What the worker reports after each checkpoint that copied pages. */
export interface CheckpointStats {
  checkpoints: number;
  pagesCopied: number;
  /** The last error the worker met (it keeps trying), or null. */
  lastError: string | null;
}

type WorkerMessage = { type: 'copied'; pages: number } | { type: 'error'; message: string };

/**
 * Plain JavaScript run with `eval`, so the same code works under tsx, vitest and the built
 * dist/ (a worker file would need a TypeScript loader in the first two). It receives the
 * better-sqlite3 entry point resolved by the main thread.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const describe = (error) => String((error && error.message) || error);
let db;
let checkpoint;
try {
  db = new SQLite(workerData.file, { fileMustExist: true });
  db.pragma('busy_timeout = 1000');
  checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
} catch (error) {
  // Said here: the driver's error class would reach the main thread without its message.
  parentPort.postMessage({ type: 'error', message: describe(error) });
  process.exit(1);
}
let timer = null;
let stopped = false;
// Pages of the current log copied as of the last checkpoint (a log that started over counts from 0).
let copiedBefore = 0;
function step() {
  timer = null;
  if (stopped) return;
  let copied = 0;
  try {
    // log: pages in the log; checkpointed: how many of them are in the database file now.
    const row = checkpoint.get();
    const done = row && row.log > 0 ? row.checkpointed : 0;
    copied = done >= copiedBefore ? done - copiedBefore : done;
    copiedBefore = done;
  } catch (error) {
    parentPort.postMessage({ type: 'error', message: describe(error) });
  }
  if (copied > 0) parentPort.postMessage({ type: 'copied', pages: copied });
  timer = setTimeout(step, copied > 0 ? workerData.busyIntervalMs : workerData.idleIntervalMs);
}
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  stopped = true;
  if (timer) clearTimeout(timer);
  db.close();
  parentPort.close();
});
step();
`;

export class WalCheckpointer {
  readonly stats: CheckpointStats = { checkpoints: 0, pagesCopied: 0, lastError: null };
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  /**
   * Starts checkpointing `file`, whose writer connection is `writer`: its automatic
   * checkpoint moves to the backstop now and back to the default if the worker ends.
   */
  constructor(file: string, writer: { pragma(source: string): unknown }, options: Partial<CheckpointerOptions> = {}) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    writer.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, ...DEFAULTS, ...options } });
    // It must not keep a process alive that has nothing else to do (a CLI command, a test).
    this.worker.unref();
    this.worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'copied') {
        this.stats.checkpoints += 1;
        this.stats.pagesCopied += message.pages;
      } else {
        this.stats.lastError = message.message;
      }
    });
    this.exited = new Promise((resolve) => {
      this.worker.once('error', (error: unknown) => {
        this.stats.lastError = messageOf(error);
      });
      this.worker.once('exit', () => {
        // Gone (stopped, or failed to open the file): the writer checkpoints by itself again.
        try {
          writer.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
        } catch {
          // The writer is already closed: nothing to restore.
        }
        resolve();
      });
    });
  }

  /** Stops the worker and closes its connection; resolves once the thread has ended. */
  async stop(): Promise<void> {
    // Held until it has ended: else a process with nothing else to do exits while this waits.
    this.worker.ref();
    this.worker.postMessage('stop');
    await this.exited;
  }
}

/** Errors from a worker arrive as Error or, for the driver's own error class, as a plain copy. */
function messageOf(error: unknown): string {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(error);
}
