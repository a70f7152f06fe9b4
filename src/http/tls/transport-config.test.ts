import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { type DevCertificate, createDevCertificate } from './dev-cert.js';

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.join('\n');
    throw e;
  }
  throw new Error('the configuration was accepted');
}

describe('TLS settings', () => {
  let dir: string;
  let good: DevCertificate;
  let other: DevCertificate;
  let expired: DevCertificate;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'slotguard-tls-config-'));
    good = await createDevCertificate(join(dir, 'good'), new Date());
    other = await createDevCertificate(join(dir, 'other'), new Date());
    expired = await createDevCertificate(join(dir, 'expired'), new Date('2020-01-01T00:00:00Z'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves HTTPS with a matching certificate and key, and makes the default PUBLIC_URL https', () => {
    const c = loadConfig({ TLS_CERT_FILE: good.certFile, TLS_KEY_FILE: good.keyFile, HTTP_REDIRECT_PORT: '8080' });
    expect(c.transport).toEqual({ tls: { certFile: good.certFile, keyFile: good.keyFile }, httpRedirectPort: 8080 });
    expect(c.publicUrl).toBe('https://127.0.0.1:3000');
    expect(loadConfig({}).transport).toEqual({ tls: null, httpRedirectPort: null });
  });

  it('needs the certificate and the key together', () => {
    expect(problemsOf({ TLS_CERT_FILE: good.certFile })).toMatch(/TLS_CERT_FILE and TLS_KEY_FILE must be set together \(only TLS_CERT_FILE is set\)/);
    expect(problemsOf({ TLS_KEY_FILE: good.keyFile })).toMatch(/only TLS_KEY_FILE is set/);
  });

  it('names a missing file, a file that is not PEM, a key of another certificate and an expired certificate', () => {
    expect(problemsOf({ TLS_CERT_FILE: join(dir, 'nope.pem'), TLS_KEY_FILE: good.keyFile })).toMatch(/TLS_CERT_FILE: cannot read .*nope\.pem \(ENOENT\)/);
    const junk = join(dir, 'junk.pem');
    writeFileSync(junk, 'not a certificate');
    expect(problemsOf({ TLS_CERT_FILE: junk, TLS_KEY_FILE: good.keyFile })).toMatch(/TLS_CERT_FILE: .*junk\.pem does not hold a PEM certificate/);
    expect(problemsOf({ TLS_CERT_FILE: good.certFile, TLS_KEY_FILE: junk })).toMatch(/TLS_KEY_FILE: .*junk\.pem does not hold an unencrypted PEM private key/);
    expect(problemsOf({ TLS_CERT_FILE: good.certFile, TLS_KEY_FILE: other.keyFile })).toMatch(/is not the private key of the certificate/);
    expect(problemsOf({ TLS_CERT_FILE: expired.certFile, TLS_KEY_FILE: expired.keyFile })).toMatch(/expired on Dec 31 .*2020 GMT/);
  });

  it('refuses an http PUBLIC_URL with TLS, and a redirect without an https target or onto PORT', () => {
    expect(problemsOf({ TLS_CERT_FILE: good.certFile, TLS_KEY_FILE: good.keyFile, PUBLIC_URL: 'http://book.example' })).toMatch(
      /PUBLIC_URL must be an https URL when the server speaks TLS/,
    );
    expect(problemsOf({ HTTP_REDIRECT_PORT: '8080' })).toMatch(/HTTP_REDIRECT_PORT redirects to PUBLIC_URL, which must then be an https URL/);
    expect(problemsOf({ HTTP_REDIRECT_PORT: '3000', PUBLIC_URL: 'https://book.example' })).toMatch(/HTTP_REDIRECT_PORT must differ from PORT/);
    expect(problemsOf({ HTTP_REDIRECT_PORT: '80x', PUBLIC_URL: 'https://book.example' })).toMatch(/HTTP_REDIRECT_PORT must be an integer/);
  });
});
