import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../usage-error.js';
import { printResult } from '../with-runtime.js';

interface DevCertOptions {
  outDir: string;
  force?: boolean;
}

export function registerTlsCommands(program: Command): void {
  const tls = program.command('tls').description('certificates for serving HTTPS');
  tls
    .command('dev-cert')
    .description('a self-signed certificate for localhost, 127.0.0.1 and ::1 (files 0600), for HTTPS in development')
    .option('--out-dir <dir>', 'where cert.pem and key.pem go', './data/tls')
    .option('--force', 'replace an existing certificate and key')
    .action(async (o: DevCertOptions) => {
      // Loaded only here: certificate generation is heavy and no other command needs it.
      const { createDevCertificate, devCertPaths } = await import('../../http/tls/dev-cert.js');
      const { certFile, keyFile } = devCertPaths(o.outDir);
      const existing = [certFile, keyFile].filter((f) => existsSync(f));
      if (existing.length > 0 && !o.force) throw new UsageError(`${existing.join(' and ')} already exist: pass --force to replace them`);
      const cert = await createDevCertificate(o.outDir, new Date());
      printResult({ ...cert, env: { TLS_CERT_FILE: cert.certFile, TLS_KEY_FILE: cert.keyFile } });
      process.stderr.write(`Serve HTTPS with: TLS_CERT_FILE=${cert.certFile} TLS_KEY_FILE=${cert.keyFile} npm start\n`);
    });
}
