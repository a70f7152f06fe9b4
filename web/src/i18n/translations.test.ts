import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import appEn from './locales/app.en.json';
import appZhCN from './locales/app.zh-CN.json';
import deskEn from './locales/desk.en.json';
import deskZhCN from './locales/desk.zh-CN.json';
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

/** Each namespace's files: the public pages' (`translation`), the staff app's (`app`), its calendar and setup (`desk`). */
const NAMESPACES: Record<string, { en: object; 'zh-CN': object }> = {
  translation: { en, 'zh-CN': zhCN },
  app: { en: appEn, 'zh-CN': appZhCN },
  desk: { en: deskEn, 'zh-CN': deskZhCN },
};

/** The namespace a source file translates with: the one named in its `useLocale('app')`, else the public pages'. */
const namespaceOf = (text: string) => /\buse(?:Locale|Translation)\(\s*'(\w+)'/.exec(text)?.[1] ?? 'translation';

describe.each(Object.entries(NAMESPACES))('translations (%s)', (_namespace, { en: english, 'zh-CN': chinese }) => {
  it('every key exists in both languages, with the plural forms each language needs', () => {
    expect([...baseKeys(chinese)].sort()).toEqual([...baseKeys(english)].sort());
    for (const key of keys(english).filter((k) => k.endsWith('_one'))) {
      const base = key.replace(PLURAL, '');
      expect(keys(english), key).toContain(`${base}_other`);
      expect(keys(chinese), key).toContain(`${base}_other`);
    }
  });

  it('every value has the same placeholders in both languages', () => {
    const flat = (tree: object) => new Map(keys(tree).map((k) => [k.replace(PLURAL, ''), k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], tree) as string]));
    const zh = flat(chinese);
    for (const [key, value] of flat(english)) {
      const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders(zh.get(key) ?? ''), key).toEqual(placeholders(value));
    }
  });
});

describe('translations in the code', () => {
  it('every key the code uses is translated, in the namespace its file uses', () => {
    const used = new Map<string, Set<string>>(Object.keys(NAMESPACES).map((ns) => [ns, new Set<string>()]));
    for (const file of sources(SRC)) {
      const text = readFileSync(file, 'utf8');
      const namespace = namespaceOf(text);
      const add = (key: string) => {
        // An explicit `ns:key` wins over the file's namespace.
        const [ns, bare] = key.includes(':') ? (key.split(':', 2) as [string, string]) : [namespace, key];
        const set = used.get(ns);
        expect(set, `${file}: unknown namespace ${ns}`).toBeDefined();
        set?.add(bare);
      };
      for (const m of text.matchAll(/\bt\(\s*'([\w.:-]+)'/g)) add(m[1] as string);
      // Keys handed around as values (validation messages, error notices, success messages).
      for (const m of text.matchAll(/'((?:\w+:)?(?:validation|errors|manage|notices)\.[\w]+)'/g)) add(m[1] as string);
      for (const m of text.matchAll(/\bt\(`([\w:]+)\.\$\{/g)) add(`${m[1]}.*`);
      for (const m of text.matchAll(/`((?:app|desk):[\w.]+)\.\$\{/g)) add(`${m[1]}.*`);
      // Namespaced keys anywhere (navigation labels, error messages): 'desk:nav.hours'.
      for (const m of text.matchAll(/'((?:app|desk|translation):[\w.]+)'/g)) add(m[1] as string);
    }
    expect(used.get('translation')?.size).toBeGreaterThan(50);
    for (const [namespace, set] of used) {
      for (const [language, tree] of Object.entries(NAMESPACES[namespace] ?? {})) {
        const known = baseKeys(tree);
        for (const key of set) {
          if (key.endsWith('.*')) expect([...known].some((k) => k.startsWith(key.slice(0, -1))), `${namespace} ${language}: ${key}`).toBe(true);
          else expect(known.has(key), `${namespace} ${language}: ${key}`).toBe(true);
        }
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
