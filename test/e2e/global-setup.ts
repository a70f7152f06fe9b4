import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const WEB = 'web';
const BUILT = join('dist', 'web', 'index.html');

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the web app once before the tests when its sources changed since the last build. */
export default function buildWebApp(): void {
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= Math.max(newestChange(WEB), statSync('package-lock.json').mtimeMs)) return;
  // A production build, as `npm run build` makes it: vitest's NODE_ENV=test would bundle React's development build.
  execFileSync(process.execPath, [join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(WEB, 'vite.config.ts'), '--logLevel', 'warn'], {
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
}
