import { CommanderError } from 'commander';
import { ConfigError } from '../config.js';
import { BackupError } from '../db/backup/backup-error.js';
import { DomainError } from '../domain/errors.js';
import { MasterKeyError } from '../security/crypto/master-key.js';
import { UsageError } from './usage-error.js';

export interface ErrorReport {
  /** One line for stderr. */
  line: string;
  exitCode: number;
}

/** Input field -> the command-line flag that sets it, so a user sees what to change. */
export type FieldFlags = Readonly<Record<string, string>>;

/** A domain error raised by a command, together with how that command names its fields. */
export class CommandFailed extends Error {
  constructor(
    readonly domainError: DomainError,
    readonly flags: FieldFlags,
  ) {
    super(domainError.message);
    this.name = 'CommandFailed';
  }
}

/**
 * Every failure as one line: user mistakes (arguments, configuration, refused requests) say
 * what to fix; anything else says what broke, with the stack only when SLOTGUARD_DEBUG=1.
 */
export function reportError(e: unknown): ErrorReport {
  if (e instanceof CommanderError) {
    // Commander has printed its own one-line message (or the help) already.
    const help = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help';
    return { line: '', exitCode: help ? e.exitCode : 2 };
  }
  if (e instanceof UsageError) return { line: `error: ${e.message}`, exitCode: 2 };
  if (e instanceof ConfigError) return { line: `error: invalid configuration: ${e.problems.join('; ')}`, exitCode: 2 };
  if (e instanceof MasterKeyError) return { line: `error: ${e.message}`, exitCode: 2 };
  if (e instanceof BackupError) return { line: `error: ${e.message}`, exitCode: 1 };
  if (e instanceof CommandFailed) return { line: domainLine(e.domainError, e.flags), exitCode: 1 };
  if (e instanceof DomainError) return { line: domainLine(e, {}), exitCode: 1 };
  const message = e instanceof Error ? e.message : String(e);
  const stack = process.env.SLOTGUARD_DEBUG === '1' && e instanceof Error && e.stack ? `\n${e.stack}` : '';
  return { line: `error: unexpected failure: ${message.split('\n')[0]}${stack}`, exitCode: 1 };
}

function domainLine(e: DomainError, flags: FieldFlags): string {
  const details = (e.details ?? []).map((d) => {
    if (!d.path) return d.message;
    const field = d.path.split(/[.[]/)[0] ?? d.path;
    const flag = flags[field];
    return `${d.path}${flag ? ` (${flag})` : ''}: ${d.message}`;
  });
  return `error: ${e.code}: ${e.message}${details.length > 0 ? ` - ${details.join('; ')}` : ''}`;
}
