import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { ClaimedMessage, DeliveryOutcome, OutboxQueue } from '../app/notifications/delivery-port.js';
import type { Clock } from '../app/ports.js';
import { DeliveryError } from '../notify/delivery-error.js';
import { type Deliverers, deliverMessage } from './deliver-message.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, givesUp, retryDelay } from './retry-policy.js';

export interface WorkerOptions {
  batchSize?: number;
  /** A claimed message whose worker died is claimed again after this long. */
  leaseMs?: number;
  /** Wait between empty polls (the in-process worker is also woken by new messages). */
  pollMs?: number;
  retry?: RetryPolicy;
  random?: () => number;
  /** Ids and codes only: never an address or a name. */
  log?: (event: { messageId: string; template: string; channel: string; outcome: string; code: string | null }) => void;
  onError?: (error: unknown) => void;
}

export interface BatchReport {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
  skipped: number;
}

/**
 * Delivers the outbox: claims due messages under a lease, hands each to its channel, and
 * records the outcome the moment it is known, so a crash repeats at most the one hand-over that
 * was in flight (and that one carries the same Message-ID / delivery id, for receivers to drop).
 */
export class OutboxWorker {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly retry: RetryPolicy;
  private readonly random: () => number;
  private running: Promise<void> | null = null;
  private stopping = false;
  private wakeUp: (() => void) | null = null;
  /** A wake that came while a batch ran: the loop looks again instead of sleeping. */
  private woken = false;

  constructor(
    private readonly queue: OutboxQueue,
    private readonly deliverers: Deliverers,
    private readonly clock: Clock,
    private readonly options: WorkerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 20;
    this.leaseMs = options.leaseMs ?? 120_000;
    this.pollMs = options.pollMs ?? 1_000;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.random = options.random ?? Math.random;
  }

  /** One claim and its deliveries. */
  async runOnce(): Promise<BatchReport> {
    const claimed = await this.queue.claim(this.id, this.batchSize, this.clock.now(), this.leaseMs);
    const report: BatchReport = { claimed: claimed.length, sent: 0, retried: 0, dead: 0, skipped: 0 };
    await Promise.all(
      claimed.map(async (m) => {
        const outcome = await this.deliverOne(m);
        if (outcome.kind === 'sent') report.sent++;
        else if (outcome.kind === 'retry') report.retried++;
        else if (outcome.kind === 'dead') report.dead++;
        else report.skipped++;
      }),
    );
    return report;
  }

  /** Runs batches until nothing is due (tests and `slotguard outbox drain`). */
  async drain(maxBatches = 1_000): Promise<BatchReport> {
    const total: BatchReport = { claimed: 0, sent: 0, retried: 0, dead: 0, skipped: 0 };
    for (let i = 0; i < maxBatches; i++) {
      const r = await this.runOnce();
      for (const k of Object.keys(total) as (keyof BatchReport)[]) total[k] += r[k];
      if (r.claimed === 0) break;
    }
    return total;
  }

  /** Polls in the background until `stop()`. */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  /** Lets the current batch finish, then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeUp?.();
    await this.running;
    this.running = null;
  }

  /** New messages were written: look now rather than at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      this.woken = false;
      let report: BatchReport | null = null;
      try {
        report = await this.runOnce();
      } catch (e) {
        this.options.onError?.(e);
      }
      if (this.stopping) break;
      if (this.woken || (report && report.claimed === this.batchSize)) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.pollMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
    }
  }

  private async deliverOne(m: ClaimedMessage): Promise<DeliveryOutcome> {
    const started = performance.now();
    let outcome: DeliveryOutcome;
    try {
      outcome = await deliverMessage(m, this.deliverers, this.clock.now());
    } catch (e) {
      outcome = this.afterFailure(m, e);
    }
    await this.queue.finish(this.id, m, outcome, this.clock.now(), performance.now() - started);
    this.options.log?.({
      messageId: m.id,
      template: m.template,
      channel: m.channel,
      outcome: outcome.kind,
      code: outcome.kind === 'sent' ? null : outcome.code,
    });
    return outcome;
  }

  private afterFailure(m: ClaimedMessage, e: unknown): DeliveryOutcome {
    const failure = e instanceof DeliveryError ? e : new DeliveryError('internal_error', true);
    if (!(e instanceof DeliveryError)) this.options.onError?.(e);
    if (failure.final || givesUp(this.retry, m.attempts, failure.transient)) return { kind: 'dead', code: failure.code };
    return { kind: 'retry', code: failure.code, at: this.clock.now() + retryDelay(this.retry, m.attempts, this.random) };
  }
}
