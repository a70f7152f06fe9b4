import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page, chromium } from 'playwright-core';

/** Debian's Chromium; tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';

export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<TestBrowser> {
  // Playwright starts Chromium with a fresh temporary --user-data-dir of its own on every launch.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/** One visitor: a context with its language and zone, and every CSP violation or console error it met. */
export interface Visitor {
  context: BrowserContext;
  page: Page;
  /** CSP violations, console errors and uncaught page errors, in order. */
  problems: string[];
}

export async function visitor(tb: TestBrowser, options: BrowserContextOptions & { now: string }): Promise<Visitor> {
  const { now, ...contextOptions } = options;
  const context = await tb.browser.newContext({ viewport: { width: 1100, height: 900 }, acceptDownloads: true, ...contextOptions });
  // The browser's clock starts where the server's test clock stands, so "today" agrees.
  await context.clock.install({ time: new Date(now) });
  const problems: string[] = [];
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => {
    problems.push(text);
  });
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => {
      window.__reportCspViolation('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' (' + e.sourceFile + ':' + e.lineNumber + ')');
    });`,
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error' || isExpectedRefusal(message.text(), message.location().url)) return;
    problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page, problems };
}

/**
 * Chromium logs every 409 and 401 answer. The pages handle them: a slot taken by someone else,
 * a staff page asking who is signed in before anyone is, a step-up prompt, a wrong code.
 */
function isExpectedRefusal(text: string, url: string): boolean {
  return (text.includes('status of 409') || text.includes('status of 401')) && new URL(url, 'http://x').pathname.startsWith('/api/v1/');
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core in the page (injected through the DevTools protocol, so the page's CSP stays as it is). */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
    r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })))`)) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.jpg`), type: 'jpeg', quality: 72, fullPage: true });
}
