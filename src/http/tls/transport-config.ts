import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** How the server meets the network (part of config.ts's Config). */
export interface TransportConfig {
  /** TLS_CERT_FILE and TLS_KEY_FILE (PEM, read at start); null: plain HTTP. */
  readonly tls: { readonly certFile: string; readonly keyFile: string } | null;
  /** HTTP_REDIRECT_PORT: a plain-HTTP listener that only answers 301 to the https PUBLIC_URL. */
  readonly httpRedirectPort: number | null;
}

type Env = Record<string, string | undefined>;

/** TLS files and the redirect port; every problem is added to `problems`. */
export function parseTransportConfig(env: Env, now: number, problems: string[]): TransportConfig {
  const certFile = env.TLS_CERT_FILE?.trim() || null;
  const keyFile = env.TLS_KEY_FILE?.trim() || null;
  let tls: TransportConfig['tls'] = null;
  if (certFile && keyFile) {
    tls = Object.freeze({ certFile, keyFile });
    checkTlsFiles(certFile, keyFile, now, problems);
  } else if (certFile || keyFile) {
    problems.push(`TLS_CERT_FILE and TLS_KEY_FILE must be set together (only ${certFile ? 'TLS_CERT_FILE' : 'TLS_KEY_FILE'} is set)`);
  }

  let httpRedirectPort: number | null = null;
  const redirectRaw = env.HTTP_REDIRECT_PORT?.trim();
  if (redirectRaw) {
    httpRedirectPort = /^\d{1,5}$/.test(redirectRaw) && Number(redirectRaw) >= 1 && Number(redirectRaw) <= 65535 ? Number(redirectRaw) : null;
    if (httpRedirectPort === null) problems.push(`HTTP_REDIRECT_PORT must be an integer from 1 to 65535 (got "${redirectRaw}")`);
  }

  return Object.freeze({ tls, httpRedirectPort });
}

/** The checks that need the final PUBLIC_URL and PORT. */
export function checkTransportAgainstUrl(t: TransportConfig, publicUrl: string, port: number | null, problems: string[]): void {
  const https = publicUrl.startsWith('https://');
  if (t.tls && !https) problems.push(`PUBLIC_URL must be an https URL when the server speaks TLS (got "${publicUrl}")`);
  if (t.httpRedirectPort !== null) {
    if (!https) problems.push(`HTTP_REDIRECT_PORT redirects to PUBLIC_URL, which must then be an https URL (got "${publicUrl}")`);
    if (t.httpRedirectPort === port) problems.push('HTTP_REDIRECT_PORT must differ from PORT');
  }
}

function checkTlsFiles(certFile: string, keyFile: string, now: number, problems: string[]): void {
  const cert = readPem(certFile, 'TLS_CERT_FILE', problems, (pem) => new X509Certificate(pem), 'a PEM certificate');
  const key = readPem(keyFile, 'TLS_KEY_FILE', problems, (pem) => createPrivateKey(pem), 'an unencrypted PEM private key');
  if (!cert || !key) return;
  if (!cert.checkPrivateKey(key)) problems.push(`TLS_KEY_FILE ${keyFile} is not the private key of the certificate in TLS_CERT_FILE ${certFile}`);
  if (Date.parse(cert.validTo) < now) problems.push(`The certificate in TLS_CERT_FILE ${certFile} expired on ${cert.validTo}`);
}

function readPem<T>(file: string, name: string, problems: string[], parse: (pem: Buffer) => T, what: string): T | null {
  let pem: Buffer;
  try {
    pem = readFileSync(file);
  } catch (e) {
    problems.push(`${name}: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    return null;
  }
  try {
    return parse(pem);
  } catch {
    problems.push(`${name}: ${file} does not hold ${what}`);
    return null;
  }
}
