import { X509Certificate } from 'node:crypto';
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface DevCertificate {
  certFile: string;
  keyFile: string;
  names: string[];
  fingerprint256: string;
  validTo: string;
}

export const DEV_CERT_NAMES = { dns: ['localhost'], ip: ['127.0.0.1', '::1'] } as const;
const VALID_DAYS = 365;

export function devCertPaths(outDir: string): { certFile: string; keyFile: string } {
  return { certFile: join(outDir, 'cert.pem'), keyFile: join(outDir, 'key.pem') };
}

/**
 * A self-signed certificate for localhost, 127.0.0.1 and ::1 (RSA 2048, SHA-256, server
 * authentication only), written as cert.pem and key.pem with 0600 permissions. For
 * development: browsers warn until it is trusted, and production uses a real certificate.
 */
export async function createDevCertificate(outDir: string, now: Date): Promise<DevCertificate> {
  const notAfter = new Date(now.getTime() + VALID_DAYS * 86_400_000);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'rsa',
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...DEV_CERT_NAMES.dns.map((value) => ({ type: 2 as const, value })), ...DEV_CERT_NAMES.ip.map((ip) => ({ type: 7 as const, ip }))],
      },
    ],
  });
  const { certFile, keyFile } = devCertPaths(outDir);
  mkdirSync(outDir, { recursive: true, mode: 0o700 });
  writePrivateFile(keyFile, pems.private);
  writePrivateFile(certFile, pems.cert);
  const cert = new X509Certificate(pems.cert);
  return { certFile, keyFile, names: [...DEV_CERT_NAMES.dns, ...DEV_CERT_NAMES.ip], fingerprint256: cert.fingerprint256, validTo: cert.validTo };
}

/** Written under a temporary name with 0600 and renamed, so no reader sees a partial file. */
function writePrivateFile(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}
