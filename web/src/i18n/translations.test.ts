import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

/** Keys as the code names them: plural forms folded into their base key. */
const baseKeys = (tree: object) => new Set(keys(tree).map((k) => k.replace(PLURAL, '')));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

const SRC = join(import.meta.dirname, '..');
const LOCALES = { en, 'zh-CN': zhCN };

describe('translations', () => {
  it('every key exists in both languages, with the plural forms each language needs', () => {
    expect([...baseKeys(zhCN)].sort()).toEqual([...baseKeys(en)].sort());
    for (const key of keys(en).filter((k) => k.endsWith('_one'))) {
      const base = key.replace(PLURAL, '');
      expect(keys(en), key).toContain(`${base}_other`);
      expect(keys(zhCN), key).toContain(`${base}_other`);
    }
  });

  it('every value has the same placeholders in both languages', () => {
    const flat = (tree: object) => new Map(keys(tree).map((k) => [k.replace(PLURAL, ''), k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], tree) as string]));
    const zh = flat(zhCN);
    for (const [key, value] of flat(en)) {
      const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders(zh.get(key) ?? ''), key).toEqual(placeholders(value));
    }
  });

  it('every key the code uses is translated', () => {
    const used = new Set<string>();
    for (const file of sources(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([\w.-]+)'/g)) used.add(m[1] as string);
      // Keys handed around as values (validation messages, error notices, success messages).
      for (const m of text.matchAll(/'((?:validation|errors|manage)\.[\w]+)'/g)) used.add(m[1] as string);
      for (const m of text.matchAll(/\bt\(`(\w+)\.\$\{/g)) used.add(`${m[1]}.*`);
    }
    expect(used.size).toBeGreaterThan(50);
    for (const [language, tree] of Object.entries(LOCALES)) {
      const known = baseKeys(tree);
      for (const key of used) {
        if (key.endsWith('.*')) expect([...known].some((k) => k.startsWith(key.slice(0, -1))), `${language}: ${key}`).toBe(true);
        else expect(known.has(key), `${language}: ${key}`).toBe(true);
      }
    }
  });

  it('no text is written straight into the markup', () => {
    for (const file of sources(SRC).filter((f) => f.endsWith('.tsx'))) {
      const text = readFileSync(file, 'utf8');
      // Letters between a closing '>' and the next '<' or '{' are words a translator never sees.
      const literal = /<[A-Za-z][^>]*>\s*([A-Za-z\u4e00-\u9fff][^<{]*)</.exec(text.replace(/=>/g, '=:'));
      expect(literal?.[1], file).toBeUndefined();
      for (const attr of text.matchAll(/\b(aria-label|placeholder|title|alt)="([^"]*)"/g)) expect(attr[2], `${file} ${attr[1]}`).toBe('');
    }
  });
});
