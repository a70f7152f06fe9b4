import { constants } from 'node:fs';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ErasureLedger, ErasureRecord } from '../../app/ports.js';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The erasure ledger as an append-only file of JSON lines (ids and an instant: no personal
 * data), 0600, fsynced on every entry. It lives beside the master key, not in the database,
 * so it survives the restore of an older database or backup. A line cut short by a crash is
 * ignored; any other malformed line is an error, so a damaged ledger is never half-applied.
 */
export class FileErasureLedger implements ErasureLedger {
  constructor(readonly file: string) {}

  async record(entry: ErasureRecord): Promise<void> {
    check(entry, 'record');
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    const handle = await open(this.file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o600);
    try {
      await handle.appendFile(`${JSON.stringify({ v: 1, org: entry.orgId, customer: entry.customerId, at: entry.erasedAt })}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async entries(): Promise<ErasureRecord[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const lines = text.split('\n');
    // The last piece is empty after a complete write, or a line a crash cut short.
    const complete = lines.slice(0, -1);
    return complete.filter((line) => line.trim() !== '').map((line, i) => parseLine(line, i + 1, this.file));
  }
}

/** For runtimes given no ledger file: erasures then live only in the database. */
export const databaseOnlyErasures: ErasureLedger = {
  record: async () => {},
  entries: async () => [],
};

function parseLine(line: string, number: number, file: string): ErasureRecord {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw new Error(`${file} line ${number} is not an erasure entry`);
  }
  const r = raw as { v?: unknown; org?: unknown; customer?: unknown; at?: unknown };
  const entry = { orgId: r.org, customerId: r.customer, erasedAt: r.at } as ErasureRecord;
  if (r.v !== 1) throw new Error(`${file} line ${number} has an unknown version`);
  check(entry, `${file} line ${number}`);
  return entry;
}

function check(entry: ErasureRecord, where: string): void {
  const ok =
    typeof entry.orgId === 'string' &&
    ID.test(entry.orgId) &&
    typeof entry.customerId === 'string' &&
    ID.test(entry.customerId) &&
    Number.isSafeInteger(entry.erasedAt) &&
    entry.erasedAt > 0;
  if (!ok) throw new Error(`${where}: an erasure entry needs an organization id, a customer id and an instant`);
}
