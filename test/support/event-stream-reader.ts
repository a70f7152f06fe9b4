/** One server-sent event as a browser's EventSource would hand it over. */
export interface ServerEvent {
  event: string;
  data: string;
}

/**
 * Reads a text/event-stream over a real HTTP connection (fetch), as EventSource does:
 * events and comment lines in order, and whether the server ended the stream.
 */
export class EventStreamReader {
  readonly events: ServerEvent[] = [];
  readonly comments: string[] = [];
  ended = false;
  /** Why reading stopped, when the connection failed rather than ended. */
  failure: unknown = null;
  private taken = 0;
  private wake: (() => void) | null = null;
  private readonly abort: AbortController;

  private constructor(
    readonly response: Response,
    abort: AbortController,
  ) {
    this.abort = abort;
    void this.pump();
  }

  /** Opens the stream; the response is there to check when it is not a stream (4xx). */
  static async open(url: string, headers: Record<string, string> = {}): Promise<EventStreamReader> {
    const abort = new AbortController();
    const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
    return new EventStreamReader(response, abort);
  }

  /** The next event not taken yet, waiting up to `timeoutMs` for it. */
  async next(timeoutMs = 5_000): Promise<ServerEvent> {
    const deadline = Date.now() + timeoutMs;
    while (this.taken >= this.events.length) {
      if (this.ended) throw new Error(`the stream ended${this.failure ? `: ${String(this.failure)}` : ''}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no event within ${timeoutMs} ms`);
      await this.changeOrTimeout(left);
    }
    return this.events[this.taken++] as ServerEvent;
  }

  /** Events that came and were not taken, taking them. */
  drain(): ServerEvent[] {
    const rest = this.events.slice(this.taken);
    this.taken = this.events.length;
    return rest;
  }

  /** Waits for the server to end the stream. */
  async end(timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`the stream did not end within ${timeoutMs} ms`);
      await this.changeOrTimeout(left);
    }
  }

  /** The client goes away (as a closed tab does). */
  close(): void {
    this.abort.abort();
  }

  private changeOrTimeout(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private async pump(): Promise<void> {
    if (!this.response.body || !this.response.headers.get('content-type')?.startsWith('text/event-stream')) {
      this.ended = true;
      return;
    }
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of this.response.body) {
        buffer += decoder.decode(chunk, { stream: true });
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          this.take(buffer.slice(0, cut));
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf('\n\n');
        }
        this.notify();
      }
    } catch (e) {
      if (!this.abort.signal.aborted) this.failure = e;
    } finally {
      this.ended = true;
      this.notify();
    }
  }

  private take(block: string): void {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      else if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (data.length > 0) this.events.push({ event, data: data.join('\n') });
  }
}
