import { describe, expect, it } from 'vitest';
import { seriousA11yViolations, visitor } from './support/browser.js';
import { BROWSER_TEST_TIMEOUT_MS, liveServerAndBrowser } from './support/live.js';
import { NOW } from './support/server.js';

/** The shop's own site, and someone else's; both pages are made up by the test (never dialled). */
const EMBEDDER = 'https://shop.example.com';
const ELSEWHERE = 'https://elsewhere.example';

describe('serving the web app', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  // The shop lets its own site frame the booking page; a malformed entry must not reach the header.
  const frameAncestors = async (org: string) => (org === 'shop' ? [EMBEDDER, "https://x.example; script-src 'unsafe-inline'"] : []);
  const live = liveServerAndBrowser({ frameAncestors });

  const get = (url: string) => live.server.app.inject({ method: 'GET', url });

  it('serves the pages under a CSP without inline code, never cached, and only on the app paths', async () => {
    for (const url of ['/book/other-shop', '/book/other-shop/anything', '/manage', '/app', '/app/sign-in', '/app/setup/hours', '/invite', '/setup', '/reset-password', '/not-me']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(res.body).not.toMatch(/<style|style=/);
    }
    for (const url of ['/manage', '/app/invite', '/invite', '/setup', '/reset-password', '/not-me']) expect((await get(url)).headers['referrer-policy'], url).toBe('no-referrer');
    for (const url of ['/', '/book', '/admin', '/application', '/index.html', '/assets/missing.js']) expect((await get(url)).statusCode, url).toBe(404);
  });

  it('caches hashed assets for a year', async () => {
    const html = (await get('/book/shop')).body;
    const script = /src="(\/assets\/index-[\w-]+\.js)"/.exec(html)?.[1] ?? '';
    const res = await get(script);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it("lets only the organization's own origins frame its booking page", async () => {
    const res = await get('/book/shop');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain(`frame-ancestors ${EMBEDDER};`);
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-frame-options']).toBeUndefined();

    const v = await visitor(live.chromium, { locale: 'en-GB', timezoneId: 'Europe/Berlin', now: NOW });
    // The test server is on loopback: let the made-up public sites reach it (Chromium's local network access).
    for (const origin of [EMBEDDER, ELSEWHERE]) await v.context.grantPermissions(['local-network-access'], { origin });
    const refused: string[] = [];
    v.page.on('console', (m) => {
      if (m.text().includes('frame-ancestors')) refused.push(m.text());
    });
    const parent = (src: string) => `<!doctype html><title>Embedder</title><iframe title="Booking" src="${src}" width="900" height="700"></iframe>`;
    await v.context.route(`${EMBEDDER}/**`, (route) => route.fulfill({ contentType: 'text/html', body: parent(`${live.server.base}/book/shop`) }));
    await v.context.route(`${ELSEWHERE}/**`, (route) => route.fulfill({ contentType: 'text/html', body: parent(`${live.server.base}/book/shop`) }));

    await v.page.goto(`${EMBEDDER}/`);
    await v.page.frameLocator('iframe').getByRole('heading', { name: 'Choose a service' }).waitFor();
    expect(refused).toEqual([]);

    await v.page.goto(`${ELSEWHERE}/`);
    await expect.poll(() => refused.length).toBeGreaterThan(0);
    expect(await v.page.frameLocator('iframe').getByRole('heading', { name: 'Choose a service' }).count()).toBe(0);
    await v.context.close();
  });

  it('the checks every browser test relies on do catch an inline script, an inline style and an unlabelled control', async () => {
    const v = await visitor(live.chromium, { locale: 'en-GB', timezoneId: 'Europe/Berlin', now: NOW });
    await v.page.goto(`${live.server.base}/book/shop`);
    await v.page.getByRole('heading', { name: 'Choose a service' }).waitFor();
    expect(v.problems).toEqual([]);
    await v.page.evaluate(`(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      const styled = document.createElement('div');
      styled.setAttribute('style', 'color: red');
      document.body.append(styled);
      document.body.append(document.createElement('select'));
    })()`);
    const violation = (directive: string) => v.problems.some((p) => p.startsWith(`CSP violation: ${directive}`));
    await expect.poll(() => violation('script-src') && violation('style-src')).toBe(true);
    expect(await v.page.evaluate('window.injected')).toBeUndefined();
    expect((await seriousA11yViolations(v.page)).map((x) => x.id)).toContain('select-name');
    await v.context.close();
  });
});
