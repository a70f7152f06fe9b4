/**
 * Login cost and the sign-in throttles against credential stuffing (bench/RESULTS.md, "Login").
 *
 *   npx tsx bench/login.ts [--verifications 60]
 *
 * 1. Argon2id (m=19456 KiB, t=2, p=1): time per verification, alone and two at a time (the
 *    machine has 2 cores), and the memory it takes (resident set growth while verifying).
 * 2. Uniform answers: the time of a wrong password and of an unknown email through HTTP.
 * 3. Credential stuffing: 1,000 attempts from one address across 200 accounts (5 each; 10 of
 *    the pairs are real passwords), through HTTP on SQLite, with the real throttles. The
 *    clock is a fake one the attacker moves: one attacker waits out every Retry-After, the
 *    other never waits. Wall time is what our server spent.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createUser } from '../src/app/auth/create-user.js';
import { DEFAULT_SECURITY_POLICY } from '../src/app/auth/security-policy.js';
import { buildHttpApp } from '../src/http/app.js';
import { hashPassword, verifyPassword } from '../src/security/passwords/password-hasher.js';
import { type TestRuntime, testRuntime } from '../test/support/databases.js';
import { seedShop } from '../test/support/fixtures.js';
import { median } from './support/load.js';

const args = process.argv.slice(2);
const VERIFICATIONS = Number(args[args.indexOf('--verifications') + 1] ?? 60) || 60;
const PASSWORD = 'orbiting velvet marmots hum';

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? 0;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function argon2(): Promise<void> {
  const phc = await hashPassword(PASSWORD);
  for (let i = 0; i < 5; i++) await verifyPassword(phc, PASSWORD);
  const alone: number[] = [];
  for (let i = 0; i < VERIFICATIONS; i++) {
    const t = performance.now();
    await verifyPassword(phc, i % 2 ? PASSWORD : 'wrong password guess');
    alone.push(performance.now() - t);
  }
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 1);
  const t0 = performance.now();
  const pairs: number[] = [];
  for (let i = 0; i < VERIFICATIONS / 2; i++) {
    const t = performance.now();
    await Promise.all([verifyPassword(phc, PASSWORD), verifyPassword(phc, 'wrong password guess')]);
    pairs.push(performance.now() - t);
  }
  const pairedTotal = performance.now() - t0;
  clearInterval(sampler);
  console.log(`Argon2id verification alone: median ${ms(median(alone))}, p95 ${ms(p95(alone))} (${VERIFICATIONS} runs)`);
  console.log(`two at a time: median ${ms(median(pairs))} per pair, ${((VERIFICATIONS / pairedTotal) * 1000).toFixed(0)} verifications/s`);
  console.log(`memory: 19456 KiB per verification by parameter; resident set grew ${mib(rssPeak - rssBefore)} at most while two ran`);
}

async function setup(): Promise<{ rt: TestRuntime; emails: string[] }> {
  const rt = await testRuntime('sqlite', '2027-03-01T00:00:00Z');
  const shop = await seedShop(rt, 'shop');
  await rt.ctx.uow.write((r) => r.accounts.securityPolicies.save(shop.orgId, { ...DEFAULT_SECURITY_POLICY, mfaRequiredRoles: [] }));
  const emails: string[] = [];
  for (let i = 0; i < 200; i++) {
    const email = `user${i}@example.org`;
    await createUser(rt.ctx, { orgSlug: 'shop', email, name: `User ${i}`, role: 'customer', password: `${PASSWORD} ${i}` }, { type: 'cli', id: 'bench' });
    emails.push(email);
  }
  return { rt, emails };
}

async function uniformTiming(rt: TestRuntime): Promise<void> {
  const app = await buildHttpApp(rt, { trustProxy: ['127.0.0.1'] });
  const times = { wrong: [] as number[], unknown: [] as number[] };
  for (let i = 0; i < 80; i++) {
    // Alternating which goes first, so that neither gains from the other's warm caches.
    for (const kind of i % 2 ? (['wrong', 'unknown'] as const) : (['unknown', 'wrong'] as const)) {
      const email = kind === 'wrong' ? `user${i % 200}@example.org` : `ghost${i}@example.org`;
      const t = performance.now();
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-for': `10.9.${i}.1` },
        payload: { email, password: 'wrong password guess' },
      });
      times[kind].push(performance.now() - t);
      if (res.statusCode !== 401) throw new Error(`expected 401, got ${res.statusCode}`);
    }
  }
  await app.close();
  console.log(`HTTP 401: wrong password median ${ms(median(times.wrong))}, unknown email median ${ms(median(times.unknown))} (80 each)`);
}

interface StuffingResult {
  verdicts: number;
  refused: number;
  breakIns: number;
  simulatedHours: number;
  wallSeconds: number;
}

async function stuffing(rt: TestRuntime, emails: string[], waits: boolean, ip: string): Promise<StuffingResult> {
  const app = await buildHttpApp(rt, { trustProxy: ['127.0.0.1'] });
  const start = rt.clock.now();
  const t0 = performance.now();
  const result = { verdicts: 0, refused: 0, breakIns: 0 };
  for (let n = 0; n < 1000; n++) {
    const account = n % 200;
    const round = Math.floor(n / 200);
    // Ten of the 1,000 leaked pairs are right: round 2 of every 20th account.
    const password = round === 2 && account % 20 === 0 ? `${PASSWORD} ${account}` : `leaked guess ${round}`;
    for (;;) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-for': ip },
        payload: { email: emails[account], password },
      });
      if (res.statusCode === 429) {
        result.refused++;
        if (waits) {
          rt.clock.advance(Number(res.headers['retry-after']) * 1000);
          continue;
        }
        break;
      }
      result.verdicts++;
      if (res.statusCode === 200) result.breakIns++;
      break;
    }
  }
  await app.close();
  return { ...result, simulatedHours: (rt.clock.now() - start) / 3_600_000, wallSeconds: (performance.now() - t0) / 1000 };
}

function gitHead(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch (e) {
    return e instanceof Error ? 'unknown' : String(e);
  }
}

console.log(`${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, commit ${gitHead()}`);
await argon2();
const { rt, emails } = await setup();
try {
  await uniformTiming(rt);
  const hammer = await stuffing(rt, emails, false, '203.0.113.1');
  console.log(`stuffing, attacker never waits: ${hammer.verdicts} of 1000 attempts checked, ${hammer.refused} answered 429, ${hammer.breakIns} of 10 real passwords got in, ${hammer.wallSeconds.toFixed(1)} s wall`);
  rt.clock.advance(48 * 3_600_000);
  const patient = await stuffing(rt, emails, true, '203.0.113.2');
  console.log(
    `stuffing, attacker waits out every Retry-After: all ${patient.verdicts} checked, ${patient.refused} answers 429 on the way, ${patient.breakIns} of 10 got in, ` +
      `${patient.simulatedHours.toFixed(0)} h (${(patient.simulatedHours / 24).toFixed(1)} days) of attacker time, ${patient.wallSeconds.toFixed(1)} s wall`,
  );
} finally {
  await rt.dispose();
}
