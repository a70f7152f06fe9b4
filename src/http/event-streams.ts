import { PassThrough } from 'node:stream';
import { RateLimitedError } from '../domain/errors.js';

export interface EventStreamLimits {
  /** Open streams in this process at most; beyond it, 429 rate_limited. */
  maxStreams: number;
  /** Open streams per client address at most (a household or office shares one); beyond it, 429. */
  maxStreamsPerClient: number;
  /** A comment line this often keeps proxies and browsers from closing an idle stream, ms. */
  heartbeatMs: number;
  /** Reconnection delay the browser is told to use after a dropped stream, ms. */
  retryMs: number;
}

export const DEFAULT_EVENT_STREAM_LIMITS: EventStreamLimits = {
  maxStreams: 1_000,
  maxStreamsPerClient: 10,
  heartbeatMs: 25_000,
  retryMs: 3_000,
};

/** A client that reads nothing for this long a backlog is cut off rather than buffered for. */
const MAX_BACKLOG_BYTES = 64 * 1024;

/** One open text/event-stream answer. */
export class EventStream {
  /** What the reply sends. */
  readonly body = new PassThrough();

  constructor(retryMs: number) {
    this.body.write(`retry: ${retryMs}\n\n`);
  }

  get open(): boolean {
    return !this.body.destroyed && !this.body.writableEnded;
  }

  /** One event; `data` is JSON on one line, so it never needs splitting. */
  send(event: string, data: unknown): void {
    this.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  comment(text: string): void {
    this.write(`: ${text}\n\n`);
  }

  end(): void {
    if (this.open) this.body.end();
  }

  /** Gives the stream up before it was ever sent (its place is given back). */
  discard(): void {
    this.body.destroy();
  }

  private write(chunk: string): void {
    if (!this.open) return;
    if (this.body.writableLength > MAX_BACKLOG_BYTES) {
      this.body.destroy();
      return;
    }
    this.body.write(chunk);
  }
}

/**
 * The server-sent event streams of this process: admits new ones within the limits, sends
 * every stream a heartbeat on one shared timer, and ends them all when the server closes
 * (an open stream would otherwise keep `close()` waiting for ever).
 */
export class EventStreams {
  private readonly streams = new Set<EventStream>();
  private readonly perClient = new Map<string, number>();
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private closing = false;

  constructor(private readonly limits: EventStreamLimits) {}

  /** A new stream for `client` (its address), or 429 rate_limited beyond the limits. */
  admit(client: string): EventStream {
    if (this.closing) throw new RateLimitedError(5, 'The server is restarting; try again shortly');
    if (this.streams.size >= this.limits.maxStreams) throw new RateLimitedError(30, 'Too many live connections; try again later');
    const mine = this.perClient.get(client) ?? 0;
    if (mine >= this.limits.maxStreamsPerClient) throw new RateLimitedError(30, 'Too many live connections from this address');
    const stream = new EventStream(this.limits.retryMs);
    this.streams.add(stream);
    this.perClient.set(client, mine + 1);
    // However it ends (client gone, backlog, server closing), its place is given back once.
    stream.body.once('close', () => {
      this.streams.delete(stream);
      const left = (this.perClient.get(client) ?? 1) - 1;
      if (left > 0) this.perClient.set(client, left);
      else this.perClient.delete(client);
      if (this.streams.size === 0) this.stopHeartbeat();
    });
    this.startHeartbeat();
    return stream;
  }

  /** Ends every stream and admits no more. */
  closeAll(): void {
    this.closing = true;
    this.stopHeartbeat();
    for (const stream of this.streams) stream.end();
  }

  private startHeartbeat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      for (const stream of this.streams) stream.comment('keep-alive');
    }, this.limits.heartbeatMs);
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    if (!this.heartbeat) return;
    clearInterval(this.heartbeat);
    this.heartbeat = null;
  }
}
