import { constants } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ServerOptions } from 'node:https';

/**
 * TLS 1.3 suites first (all AEAD with ephemeral key exchange), then the TLS 1.2 suites with
 * ECDHE (forward secrecy) and AES-GCM or ChaCha20-Poly1305 (AEAD): OWASP TLS Cheat Sheet,
 * Mozilla "intermediate". No CBC, no static RSA or DH key exchange, no SHA-1 MACs.
 */
export const TLS_CIPHERS = [
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_AES_128_GCM_SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
].join(':');

/** HSTS for two years on the host and its subdomains (security.md, Transport). */
export const HSTS_POLICY = 'max-age=63072000; includeSubDomains';

/** The HTTPS server's TLS settings, with the certificate chain and key read from their files. */
export function serverTlsOptions(files: { certFile: string; keyFile: string }): ServerOptions {
  return {
    cert: readFileSync(files.certFile),
    key: readFileSync(files.keyFile),
    // TLS 1.3 is chosen whenever the client speaks it: OpenSSL negotiates the highest common version.
    minVersion: 'TLSv1.2',
    maxVersion: 'TLSv1.3',
    ciphers: TLS_CIPHERS,
    honorCipherOrder: true,
    ecdhCurve: 'X25519:prime256v1:secp384r1',
    // Tickets sealed with one long-lived process key would undo forward secrecy for resumed
    // sessions; resumption uses the server's session cache instead.
    secureOptions: constants.SSL_OP_NO_TICKET,
  };
}
