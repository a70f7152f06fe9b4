import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, runCli } from './support/cli.js';

describe('slotguard outbox (development outbox, no SMTP configured)', CLI_TIMEOUT, () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'slotguard-outbox-cli-'));
    env = { ...process.env, DATABASE_URL: join(dir, 'o.db'), MASTER_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'silent', SMTP_URL: '' };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const json = async (...args: string[]) => {
    const run = await runCli(env, args);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout);
  };

  it('shows the confirmations of the demo bookings as their customers would read them', async () => {
    await json('demo', 'seed');
    const pending = await json('outbox', 'list', '--status', 'pending', '--limit', '500');
    expect(pending.some((m: { template: string }) => m.template === 'booking.confirmed')).toBe(true);

    const drained = await json('outbox', 'drain');
    expect(drained.sent).toBeGreaterThan(0);
    expect(drained.dead).toBe(0);

    const listRun = await runCli(env, ['outbox', 'list', '--status', 'sent', '--limit', '3']);
    const sent = JSON.parse(listRun.stdout);
    expect(sent).toHaveLength(3);
    expect(listRun.stdout).not.toMatch(/@example\.com|Demo Customer|演示/);

    const confirmation = (await json('outbox', 'list', '--status', 'sent', '--limit', '500')).find(
      (m: { template: string; locale: string }) => m.template === 'booking.confirmed' && m.locale === 'en',
    );
    const shown = await json('outbox', 'show', confirmation.id);
    expect(shown).toMatchObject({ template: 'booking.confirmed', channel: 'email', status: 'sent', to: expect.stringMatching(/^demo-customer-\d+@example\.com$/) });
    expect(shown.subject).toMatch(/^Booking confirmed: .+ – /);
    expect(shown.text).toMatch(/Manage your booking: http:\/\/127\.0\.0\.1:3000\/manage#[A-Za-z0-9_-]{43}/);
    expect(shown.attempts).toEqual([expect.objectContaining({ outcome: 'sent' })]);
    const ics = new ICAL.Component(ICAL.parse(shown.attachments[0].content));
    expect(ics.getFirstPropertyValue('method')).toBe('REQUEST');

    const retry = await runCli(env, ['outbox', 'retry', confirmation.id]);
    expect(retry).toMatchObject({ code: 1, stdout: '' });
    expect(retry.stderr).toMatch(/^error: not_found: Dead message not found/);
  });
});
