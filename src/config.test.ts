import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('runs on the embedded SQLite default with no settings', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.database).toEqual({ kind: 'sqlite', file: './data/slotguard.db' });
    expect(c.publicUrl).toBe('http://127.0.0.1:3000');
    expect(c.demo).toBe(true);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('picks PostgreSQL from a postgres:// URL', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/test', SLOTGUARD_DEMO: '0' });
    expect(c.database.kind).toBe('postgres');
    expect(c.demo).toBe(false);
  });

  it('names every bad setting at once', () => {
    try {
      loadConfig({ PORT: '99999', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', PUBLIC_URL: 'ftp://x' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/LOG_LEVEL/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/PUBLIC_URL/);
    }
  });

  it('refuses a TRUST_PROXY range that would believe every client', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, ::1' }).trustProxy).toEqual(['10.0.0.0/8', '::1']);
    for (const everyone of ['0.0.0.0/0', '::/0']) {
      expect(() => loadConfig({ TRUST_PROXY: everyone })).toThrow(/TRUST_PROXY must name the proxies/);
    }
  });

  it('takes CORS_ORIGINS as exact origins only, and none by default', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://shop.example.com, http://localhost:5173' }).corsOrigins).toEqual(['https://shop.example.com', 'http://localhost:5173']);
    for (const bad of ['*', 'https://shop.example.com/', 'https://shop.example.com/api', 'shop.example.com', 'ftp://shop.example.com']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad }), bad).toThrow(/CORS_ORIGINS/);
    }
  });
});
