import { spawn } from 'node:child_process';

/** What a piped run printed (stdout as bytes: sealed backups are binary) and how it ended. */
export interface PipedRun {
  code: number;
  stdout: Buffer;
  stderr: string;
}

function collect(child: ReturnType<typeof spawn>, input: Buffer | null): Promise<PipedRun> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (c: Buffer) => out.push(c));
    child.stderr?.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin?.end(input ?? undefined);
  });
}

/** Runs the CLI from source with `input` on its stdin, as in `... | slotguard backup seal`. */
export function runCliPiped(env: NodeJS.ProcessEnv, args: string[], input: Buffer | null): Promise<PipedRun> {
  return collect(spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env, stdio: 'pipe' }), input);
}

/** Runs a bash pipeline with `pipefail`; `$SLOTGUARD` in it runs the CLI from source. */
export function runPipeline(env: NodeJS.ProcessEnv, script: string): Promise<PipedRun> {
  const slotguard = `${process.execPath} --import tsx src/cli/main.ts`;
  return collect(spawn('bash', ['-c', `set -euo pipefail\n${script}`], { env: { ...env, SLOTGUARD: slotguard }, stdio: 'pipe' }), null);
}
