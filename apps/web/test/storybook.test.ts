// Every Storybook story renders in Debian's chromium without a console error or an exception.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildStorybook, STORYBOOK_DIR } from './helpers/buildOnce.js';
import { launchChromium } from './helpers/chromium.js';
import { ARTIFACTS } from './helpers/paths.js';
import { serveStatic } from './helpers/staticServer.js';

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

describe('Storybook', () => {
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let server: { url: string; close: () => Promise<void> };
  let stories: IndexEntry[] = [];
  const shots = path.join(ARTIFACTS, 'storybook');

  beforeAll(async () => {
    buildStorybook();
    const index = JSON.parse(readFileSync(path.join(STORYBOOK_DIR, 'index.json'), 'utf8')) as {
      entries: Record<string, IndexEntry>;
    };
    stories = Object.values(index.entries).filter((e) => e.type === 'story');
    server = await serveStatic(STORYBOOK_DIR);
    ({ browser, close: closeBrowser } = await launchChromium());
    mkdirSync(shots, { recursive: true });
  });

  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  it('has a story for each component the case worker sees', () => {
    const titles = new Set(stories.map((s) => s.title));
    for (const t of [
      'Forms/StepForm',
      'Case/ActionBar',
      'Case/Timeline',
      'Case/StatechartView',
      'Worklist/WorklistRow',
    ]) {
      expect(titles, `no stories titled ${t}`).toContain(t);
    }
  });

  it('renders every story without a console error', async () => {
    expect(stories.length).toBeGreaterThan(10);
    const failures: string[] = [];
    const context = await browser.newContext({
      viewport: { width: 1100, height: 800 },
      locale: 'es-MX',
      timezoneId: 'America/Mexico_City',
    });
    try {
      for (const story of stories) {
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('console', (msg) => {
          if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
        });
        page.on('pageerror', (err) => problems.push(`exception: ${err.message}`));
        await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
        // Storybook marks <body> once the story rendered, or failed to.
        await page.waitForFunction(
          () =>
            document.body.classList.contains('sb-show-main') ||
            document.body.classList.contains('sb-show-errordisplay') ||
            document.body.classList.contains('sb-show-nopreview'),
          undefined,
          { timeout: 20_000 },
        );
        if (!(await page.evaluate(() => document.body.classList.contains('sb-show-main')))) {
          problems.push(
            `did not render: ${(await page.textContent('#error-message').catch(() => '')) ?? ''}`,
          );
        }
        const rendered = await page
          .waitForFunction(
            () => (document.querySelector('#storybook-root')?.textContent ?? '').trim() !== '',
            undefined,
            {
              timeout: 10_000,
            },
          )
          .then(() => true)
          .catch(() => false);
        if (!rendered) problems.push('rendered nothing');
        await page.screenshot({ path: path.join(shots, `${story.id}.png`), fullPage: true });
        if (problems.length > 0) failures.push(`${story.id}:\n  ${problems.join('\n  ')}`);
        await page.close();
      }
    } finally {
      await context.close();
    }
    expect(failures, failures.join('\n')).toEqual([]);
  }, 300_000);
});
