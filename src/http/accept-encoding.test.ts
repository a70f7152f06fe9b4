import { describe, expect, it } from 'vitest';
import { acceptsGzip } from './accept-encoding.js';

describe('acceptsGzip', () => {
  it('accepts what browsers send', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8, *;q=0.1')).toBe(true);
    expect(acceptsGzip('X-GZIP')).toBe(true);
    expect(acceptsGzip(['deflate', 'gzip'])).toBe(true);
  });

  it('refuses no header, other codings only, and a weight of zero', () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('br, deflate')).toBe(false);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip; q=0.000, *')).toBe(false);
    expect(acceptsGzip('gzip;q=abc')).toBe(false);
  });

  it('lets * stand for gzip unless gzip is named', () => {
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('br, *;q=0.5')).toBe(true);
    expect(acceptsGzip('*;q=0')).toBe(false);
    expect(acceptsGzip('*, gzip;q=0')).toBe(false);
  });
});
