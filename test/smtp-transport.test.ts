import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpEmailTransport, classifySmtpError, smtpOptions } from '../src/notify/smtp-email-transport.js';
import { verifyDkim } from './support/dkim-verify.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';

describe('SMTP transport', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.close();
  });

  it('requires TLS (STARTTLS or smtps) with certificate checks for any host but loopback', () => {
    const from = 'a@shop.example';
    expect(smtpOptions({ url: 'smtp://user:p%40ss@mail.example.com:587', from })).toMatchObject({
      host: 'mail.example.com',
      port: 587,
      secure: false,
      requireTLS: true,
      ignoreTLS: false,
      tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2' },
      auth: { user: 'user', pass: 'p@ss' },
    });
    expect(smtpOptions({ url: 'smtps://mail.example.com', from })).toMatchObject({ port: 465, secure: true, requireTLS: false, tls: { rejectUnauthorized: true } });
    expect(smtpOptions({ url: 'smtp://127.0.0.1:2525', from })).toMatchObject({ requireTLS: false, ignoreTLS: true });
    expect(smtpOptions({ url: 'smtp://localhost:25', from })).toMatchObject({ requireTLS: false, ignoreTLS: true });
  });

  it('signs with DKIM when configured, verifiably', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const transport = new SmtpEmailTransport({
      url: sink.url,
      from: 'Shop <bookings@shop.example>',
      dkim: { domainName: 'shop.example', keySelector: 'sg1', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
    });
    await transport.send({ messageId: '<m1@book.example.test>', to: 'mia@example.com', subject: 'Grüße – 预约已确认', text: 'Hello\n', html: '<p>Hello</p>', attachments: [] });
    transport.close();
    const raw = sink.raw.at(-1) ?? '';
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(verifyDkim(raw, pem)).toEqual({ domain: 'shop.example', selector: 'sg1', bodyHashOk: true, signatureOk: true });
    expect(verifyDkim(raw.replace('Hello', 'Hallo'), pem).bodyHashOk).toBe(false);
    expect(verifyDkim(raw.replace(/^(Subject:.*)$/m, '$1x'), pem).signatureOk).toBe(false);
  });

  it('tells retryable SMTP failures from permanent ones', () => {
    expect(classifySmtpError({ responseCode: 451 })).toMatchObject({ code: 'smtp_451', transient: true });
    expect(classifySmtpError({ responseCode: 550 })).toMatchObject({ code: 'smtp_550', transient: false });
    expect(classifySmtpError({ code: 'ECONNREFUSED' })).toMatchObject({ code: 'smtp_econnrefused', transient: true });
  });
});
