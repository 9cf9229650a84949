import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { ARTIFACTS } from './paths.js';
import { startStack, type Stack } from './startStack.js';

export interface BrowserSuite {
  /** The running stack (FerretDB, server, built app); set once the suite's beforeAll ran. */
  stack: Stack;
  browser: Browser;
  /** Saves a numbered full-page screenshot in test-artifacts/<name>/. */
  screenshot: (page: Page, name: string) => Promise<Buffer>;
}

/**
 * Registers the suite's set-up and tear-down: a stack of its own, Debian's chromium, and an
 * emptied test-artifacts/<name>/ for its screenshots. Read the fields inside tests (they are
 * filled in by beforeAll).
 */
export function browserSuite(name: string): BrowserSuite {
  const shots = path.join(ARTIFACTS, name);
  let shot = 0;
  let closeBrowser: (() => Promise<void>) | undefined;
  const suite = {
    screenshot: (page: Page, label: string) =>
      page.screenshot({
        path: path.join(shots, `${String(++shot).padStart(2, '0')}-${label}.png`),
        fullPage: true,
      }),
  } as BrowserSuite;
  beforeAll(async () => {
    rmSync(shots, { recursive: true, force: true });
    mkdirSync(shots, { recursive: true });
    suite.stack = await startStack(name);
    let browser: Browser;
    ({ browser, close: closeBrowser } = await launchChromium());
    suite.browser = browser;
  }, 600_000);
  afterAll(async () => {
    await closeBrowser?.();
    await suite.stack?.stop();
  });
  return suite;
}
