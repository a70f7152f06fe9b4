import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../src/config.js';
import { buildHttpApp } from '../src/http/app.js';
import { type RunningServer, startServer } from '../src/http/server.js';
import { httpTransportFrom } from '../src/http/tls/http-transport.js';
import { HSTS_POLICY } from '../src/http/tls/tls-policy.js';
import { runCli } from './support/cli.js';
import { type TestRuntime, testRuntime } from './support/databases.js';
import { handshake, httpsGet, startLenientTlsServer } from './support/tls-clients.js';

const PUBLIC_URL = 'https://localhost:8443';

/** A configuration that listens on ephemeral ports (PORT 0 is not a valid setting, so set after validation). */
function ephemeral(config: Config): Config {
  const redirect = config.transport.httpRedirectPort === null ? null : 0;
  return { ...config, port: 0, transport: { ...config.transport, httpRedirectPort: redirect } };
}

function portOf(url: string): number {
  return Number(new URL(url).port);
}

/** A plain-HTTP request where the test chooses the Host header. */
function httpGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('encryption in transit', () => {
  let dir: string;
  let rt: TestRuntime;
  let https: RunningServer;
  let plain: RunningServer;
  let cert: string;
  let key: string;
  let lenient: { port: number; close(): Promise<void> };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'slotguard-tls-'));
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: join(dir, 'cli.db'), LOG_LEVEL: 'silent' };
    const made = await runCli(env, ['tls', 'dev-cert', '--out-dir', join(dir, 'tls')]);
    expect(made.code).toBe(0);
    const files = JSON.parse(made.stdout) as { certFile: string; keyFile: string };
    cert = readFileSync(files.certFile, 'utf8');
    key = readFileSync(files.keyFile, 'utf8');

    rt = await testRuntime('sqlite');
    const base = { DATABASE_URL: join(dir, 'unused.db'), LOG_LEVEL: 'silent' as const };
    const tlsConfig = loadConfig({ ...base, TLS_CERT_FILE: files.certFile, TLS_KEY_FILE: files.keyFile, PUBLIC_URL, HTTP_REDIRECT_PORT: '8080' });
    https = await startServer(ephemeral(tlsConfig), rt);
    plain = await startServer(ephemeral(loadConfig(base)), rt);
    lenient = await startLenientTlsServer(cert, key);
  });
  afterAll(async () => {
    await https?.close();
    await plain?.close();
    await lenient?.close();
    await rt?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tls dev-cert writes a certificate for localhost, 127.0.0.1 and ::1 and a key, both 0600', async () => {
    for (const file of ['cert.pem', 'key.pem']) expect(statSync(join(dir, 'tls', file)).mode & 0o777).toBe(0o600);
    const x509 = new X509Certificate(cert);
    expect(x509.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(x509.checkPrivateKey((await import('node:crypto')).createPrivateKey(key))).toBe(true);

    const again = await runCli({ ...process.env, LOG_LEVEL: 'silent' }, ['tls', 'dev-cert', '--out-dir', join(dir, 'tls')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exist: pass --force/);
    expect(readFileSync(join(dir, 'tls', 'cert.pem'), 'utf8')).toBe(cert);
  });

  it('serves HTTPS that a client trusting the development certificate accepts, preferring TLS 1.3', async () => {
    expect(https.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const res = await httpsGet(portOf(https.url), '/healthz', cert);
    expect(res.status).toBe(200);
    expect(res.protocol).toBe('TLSv1.3');
  });

  it('refuses a TLS 1.1 client that a permissive server would accept', async () => {
    const tls11 = { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' } as const;
    expect(await handshake(lenient.port, tls11)).toMatchObject({ ok: true, protocol: 'TLSv1.1' });
    expect(await handshake(portOf(https.url), tls11)).toEqual({ ok: false, code: 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION' });
  });

  it.each([
    ['AES128-SHA', 'CBC with RSA key exchange'],
    ['AES256-GCM-SHA384', 'AEAD but RSA key exchange (no forward secrecy)'],
    ['ECDHE-RSA-AES128-SHA256', 'forward secret but CBC'],
  ])('refuses a TLS 1.2 client offering only %s (%s)', async (suite) => {
    const client = { maxVersion: 'TLSv1.2', ciphers: `${suite}@SECLEVEL=0` } as const;
    expect(await handshake(lenient.port, client)).toMatchObject({ ok: true, protocol: 'TLSv1.2', cipher: suite });
    expect(await handshake(portOf(https.url), client)).toEqual({ ok: false, code: 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE' });
  });

  it.each(['ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-RSA-CHACHA20-POLY1305'])(
    'accepts a TLS 1.2 client offering %s',
    async (suite) => {
      const res = await httpsGet(portOf(https.url), '/healthz', cert, { maxVersion: 'TLSv1.2', ciphers: suite });
      expect(res).toMatchObject({ status: 200, protocol: 'TLSv1.2', cipher: suite });
    },
  );

  it('chooses its own preferred TLS 1.2 suite over the order the client offers', async () => {
    const offered = 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384';
    expect(await handshake(portOf(https.url), { maxVersion: 'TLSv1.2', ciphers: offered })).toMatchObject({ cipher: 'ECDHE-RSA-AES256-GCM-SHA384' });
  });

  it('sends HSTS over HTTPS, on errors too, and never over plain HTTP', async () => {
    const ok = await httpsGet(portOf(https.url), '/healthz', cert);
    expect(ok.headers['strict-transport-security']).toBe(HSTS_POLICY);
    expect(HSTS_POLICY).toBe('max-age=63072000; includeSubDomains');
    const missing = await httpsGet(portOf(https.url), '/no-such-page', cert);
    expect(missing.status).toBe(404);
    expect(missing.headers['strict-transport-security']).toBe(HSTS_POLICY);

    const overHttp = await fetch(`${plain.url}/healthz`);
    expect(overHttp.status).toBe(200);
    expect(overHttp.headers.get('strict-transport-security')).toBeNull();
  });

  it('redirects plain HTTP with 301 to the same path on the https PUBLIC_URL, whatever Host the client names', async () => {
    expect(https.redirectUrl).not.toBeNull();
    const url = `${https.redirectUrl}/api/v1/orgs/shop/services?lang=en`;
    expect(await httpGet(url)).toEqual({ status: 301, location: `${PUBLIC_URL}/api/v1/orgs/shop/services?lang=en` });
    expect(await httpGet(url, { host: 'evil.example' })).toEqual({ status: 301, location: `${PUBLIC_URL}/api/v1/orgs/shop/services?lang=en` });
  });

  it('sends HSTS behind a trusted TLS proxy with an https PUBLIC_URL, and not without the proxy setting', async () => {
    const behind = loadConfig({ PUBLIC_URL: 'https://book.example', TRUST_PROXY: '10.0.0.5' });
    const direct = loadConfig({ PUBLIC_URL: 'https://book.example' });
    for (const [config, expected] of [
      [behind, HSTS_POLICY],
      [direct, undefined],
    ] as const) {
      const app = await buildHttpApp(rt, { trustProxy: [...config.trustProxy], transport: httpTransportFrom(config) });
      const res = await app.inject({ method: 'GET', url: '/healthz' });
      expect(res.headers['strict-transport-security']).toBe(expected);
      await app.close();
    }
  });
});
