import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** What the sink answers to one message: accept it, refuse it with an SMTP code, or hold it. */
export type SinkReply = 'accept' | 'hold' | { code: number; message: string };

export interface SmtpSink {
  url: string;
  /** Accepted messages, parsed, in arrival order. */
  received: ParsedMail[];
  /** Raw sources of the accepted messages. */
  raw: string[];
  /** Decides the reply to the n-th message (0-based, counting every DATA). */
  reply: (n: number) => SinkReply;
  /** Resolves when a held message arrives. */
  held: Promise<void>;
  close(): Promise<void>;
}

/** A real SMTP server in the test process (plain SMTP on loopback). */
export async function startSmtpSink(): Promise<SmtpSink> {
  let seen = 0;
  let markHeld: () => void = () => {};
  const sink: SmtpSink = {
    url: '',
    received: [],
    raw: [],
    reply: () => 'accept',
    held: new Promise<void>((resolve) => {
      markHeld = resolve;
    }),
    close: async () => {},
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const decision = sink.reply(seen++);
        if (decision === 'hold') {
          markHeld();
          return; // never answered: the client waits until it dies
        }
        if (decision !== 'accept') {
          callback(Object.assign(new Error(decision.message), { responseCode: decision.code }));
          return;
        }
        const source = Buffer.concat(chunks).toString('utf8');
        simpleParser(source).then(
          (parsed) => {
            sink.raw.push(source);
            sink.received.push(parsed);
            callback();
          },
          (e: Error) => callback(e),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
