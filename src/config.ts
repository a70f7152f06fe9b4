import { isIP } from 'node:net';
import { type TransportConfig, checkTransportAgainstUrl, parseTransportConfig } from './http/tls/transport-config.js';
import { type NotifyConfig, parseNotifyConfig } from './notify/notify-config.js';

/** Environment parsed and validated once, into a frozen typed object. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly database: { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string };
  readonly publicUrl: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly demo: boolean;
  /** Proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed; empty: none. */
  readonly trustProxy: readonly string[];
  /** Origins whose pages may call /api/v1 with an API key (CORS_ORIGINS, exact origins); empty: no CORS. */
  readonly corsOrigins: readonly string[];
  /** HTTPS on this server and the plain-HTTP redirect (see http/tls/transport-config.ts). */
  readonly transport: TransportConfig;
  readonly masterKey: { readonly env: string | null; readonly file: string; readonly fileExplicit: boolean };
  /** Erasures written down outside the database, re-applied at every start (ERASURE_LEDGER_FILE). */
  readonly erasureLedgerFile: string;
  /** BACKUP_KEY or BACKUP_KEY_FILE: seals and opens backups (see db/backup/backup-key-source.ts). */
  readonly backupKey: { readonly env: string | null; readonly file: string; readonly fileExplicit: boolean };
  /** Email, SMS and the outbox worker (see notify/notify-config.ts). */
  readonly notify: NotifyConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];

  const port = parsePort(env.PORT ?? '3000');
  if (port === null) problems.push(`PORT must be an integer from 1 to 65535 (got "${env.PORT}")`);

  const host = env.HOST ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host)) problems.push(`HOST is not a host name or address (got "${host}")`);

  const databaseUrl = env.DATABASE_URL ?? './data/slotguard.db';
  const database = parseDatabase(databaseUrl);
  if (!database) problems.push('DATABASE_URL must be a SQLite file path or a postgres:// URL');

  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const nodeEnv = (env.NODE_ENV ?? 'development') as Config['nodeEnv'];
  if (!NODE_ENVS.includes(nodeEnv)) problems.push(`NODE_ENV must be one of ${NODE_ENVS.join(', ')}`);

  const transport = parseTransportConfig(env, Date.now(), problems);
  const scheme = transport.tls ? 'https' : 'http';
  const publicUrl = (env.PUBLIC_URL ?? `${scheme}://${hostForUrl(host)}:${port ?? 3000}`).replace(/\/+$/, '');
  if (!isHttpUrl(publicUrl)) problems.push(`PUBLIC_URL must be an http(s) URL (got "${env.PUBLIC_URL}")`);
  else checkTransportAgainstUrl(transport, publicUrl, port, problems);

  const demoRaw = env.SLOTGUARD_DEMO ?? '1';
  if (!['0', '1', 'true', 'false'].includes(demoRaw)) problems.push('SLOTGUARD_DEMO must be 0 or 1');

  const notify = parseNotifyConfig(env, publicUrl, problems);

  const trustProxy = (env.TRUST_PROXY ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  for (const entry of trustProxy) {
    if (!isAddressOrRange(entry)) {
      problems.push(`TRUST_PROXY must list IP addresses or CIDR ranges (got "${entry}")`);
    } else if (/\/0+$/.test(entry)) {
      // A /0 range believes every client's X-Forwarded-For: anyone could pick their address.
      problems.push(`TRUST_PROXY must name the proxies, not every address (got "${entry}")`);
    }
  }

  const corsOrigins = (env.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  for (const entry of corsOrigins) {
    if (!isExactOrigin(entry)) problems.push(`CORS_ORIGINS must list exact origins such as https://shop.example.com (got "${entry}")`);
  }

  if (problems.length > 0 || port === null || !database) throw new ConfigError(problems);
  return Object.freeze({
    port,
    host,
    database: Object.freeze(database),
    publicUrl,
    logLevel,
    nodeEnv,
    demo: demoRaw === '1' || demoRaw === 'true',
    trustProxy: Object.freeze(trustProxy),
    corsOrigins: Object.freeze(corsOrigins),
    transport,
    masterKey: Object.freeze({
      env: env.MASTER_KEY?.trim() || null,
      file: env.MASTER_KEY_FILE ?? './data/master-key.json',
      fileExplicit: env.MASTER_KEY_FILE !== undefined,
    }),
    // Beside the master key, outside the database and its backups (src/db/backup/erasure-ledger.ts).
    erasureLedgerFile: env.ERASURE_LEDGER_FILE?.trim() || './data/erasures.log',
    backupKey: Object.freeze({
      env: env.BACKUP_KEY?.trim() || null,
      file: env.BACKUP_KEY_FILE ?? './data/backup.key',
      fileExplicit: env.BACKUP_KEY_FILE !== undefined,
    }),
    notify,
  });
}

function isAddressOrRange(entry: string): boolean {
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/** `scheme://host[:port]` exactly as a browser sends it in Origin: no path, no wildcard, no trailing slash. */
function isExactOrigin(entry: string): boolean {
  try {
    const u = new URL(entry);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === entry;
  } catch {
    return false;
  }
}

function parsePort(raw: string): number | null {
  if (!/^\d{1,5}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= 65535 ? n : null;
}

function parseDatabase(raw: string): Config['database'] | null {
  if (/^postgres(ql)?:\/\//.test(raw)) {
    try {
      new URL(raw);
      return { kind: 'postgres', url: raw };
    } catch {
      return null;
    }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) || raw.trim() === '') return null;
  return { kind: 'sqlite', file: raw.replace(/^sqlite:/, '') };
}

function isHttpUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
