import { afterAll, beforeAll, expect } from 'vitest';
import type { HttpOptions } from '../../../src/http/app.js';
import { type TestBrowser, type Visitor, launchChromium, seriousA11yViolations } from './browser.js';
import { type E2eServer, startServer } from './server.js';

/** A whole browser scenario may take this long on a busy two-core machine (a limit, not a pace). */
export const BROWSER_TEST_TIMEOUT_MS = 90_000;

export interface Live {
  server: E2eServer;
  chromium: TestBrowser;
}

/** The server and Chromium for one test file: started before its tests, stopped after them. */
export function liveServerAndBrowser(options: HttpOptions = {}, hostname?: string): Live {
  let server: E2eServer | undefined;
  let chromium: TestBrowser | undefined;
  beforeAll(async () => {
    [server, chromium] = await Promise.all([startServer(options, hostname), launchChromium()]);
  }, BROWSER_TEST_TIMEOUT_MS);
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the server and browser start in beforeAll');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get chromium() {
      return started(chromium);
    },
  };
}

/** No serious accessibility finding on the screen, and no CSP violation or console error so far. */
export async function expectClean(v: Visitor): Promise<void> {
  expect(await seriousA11yViolations(v.page)).toEqual([]);
  expect(v.problems).toEqual([]);
}
