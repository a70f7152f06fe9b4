import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

// The list sits beside the source (src/security/passwords/blocklist); the built code in
// dist/security/passwords finds it at the same place relative to the project root.
const LIST = fileURLToPath(new URL('../../../src/security/passwords/blocklist/common-passwords.txt.gz', import.meta.url));

let loaded: Set<string> | null = null;

/** The shipped blocklist (see blocklist/generate-blocklist.ts), loaded once on first use. */
export function commonPasswords(): ReadonlySet<string> {
  loaded ??= new Set(gunzipSync(readFileSync(LIST)).toString('utf8').split('\n').filter((w) => w.length > 0));
  return loaded;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.normalize('NFKC').toLowerCase());
}
