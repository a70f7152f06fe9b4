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
export default async function buildWebApp(): Promise<void> {
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= Math.max(newestChange(WEB), statSync('package-lock.json').mtimeMs)) return;
  const { build } = await import('vite');
  await build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn' });
}
