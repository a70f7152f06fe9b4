import { type Config, loadConfig } from '../config.js';
import { DomainError } from '../domain/errors.js';
import { type Runtime, createRuntime, runtimeOptionsFrom } from '../main.js';
import { CommandFailed, type FieldFlags } from './report-error.js';

/**
 * Runs one command against the database named by the environment, closing it afterwards;
 * domain errors carry the command's flag names so the message says what to change.
 */
export async function withRuntime<T>(work: (runtime: Runtime, config: Config) => Promise<T>, flags: FieldFlags = {}): Promise<T> {
  const config = loadConfig();
  const runtime = await openRuntime(config);
  try {
    return await work(runtime, config);
  } catch (e) {
    if (e instanceof DomainError) throw new CommandFailed(e, flags);
    throw e;
  } finally {
    await runtime.close();
  }
}

/** The runtime for the configuration; warnings (e.g. a development master key) go to stderr. */
export function openRuntime(config: Config, options: { migrate?: boolean } = {}): Promise<Runtime> {
  const warn = (message: string) => process.stderr.write(`warning: ${message}\n`);
  return createRuntime({ ...runtimeOptionsFrom(config, warn), ...options });
}

/** Results go to stdout as JSON, so scripts can read ids (`| jq -r .id`). */
export function printResult(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
