// Every Storybook story renders in Debian's chromium without a console error or an exception.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildStorybook } from './helpers/buildOnce.js';
import { launchChromium } from './helpers/chromium.js';
import { ARTIFACTS } from './helpers/paths.js';
import { serveStatic } from './helpers/staticServer.js';

interface StorybookChannel {
  on: (event: string, handler: (arg: unknown) => void) => void;
  off: (event: string, handler: (arg: unknown) => void) => void;
  emit: (event: string, arg: unknown) => void;
}

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
    const built = buildStorybook();
    const index = JSON.parse(readFileSync(path.join(built, 'index.json'), 'utf8')) as {
      entries: Record<string, IndexEntry>;
    };
    stories = Object.values(index.entries).filter((e) => e.type === 'story');
    server = await serveStatic(built);
    ({ browser, close: closeBrowser } = await launchChromium());
    mkdirSync(shots, { recursive: true });
  }, 300_000);

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
    let problems: string[] = [];
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`exception: ${err.message}`));
    try {
      // One page for all stories: Storybook switches story over its channel, as its own UI
      // does, instead of loading the preview again for each (minutes on a busy machine).
      for (const [i, story] of stories.entries()) {
        problems = [];
        if (i === 0) {
          await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
          await page.waitForFunction(
            () =>
              document.body.classList.contains('sb-show-main') ||
              document.body.classList.contains('sb-show-errordisplay'),
            undefined,
            { timeout: 60_000 },
          );
        } else {
          const outcome = await page.evaluate(
            (storyId) =>
              new Promise<string>((resolve) => {
                const channel = (globalThis as unknown as { __STORYBOOK_ADDONS_CHANNEL__: StorybookChannel })
                  .__STORYBOOK_ADDONS_CHANNEL__;
                const events = ['storyRendered', 'storyErrored', 'storyThrewException', 'storyMissing'];
                const handlers = events.map((name) => {
                  const handler = (arg: unknown) =>
                    finish(name === 'storyRendered' ? 'ok' : `${name}: ${JSON.stringify(arg)}`);
                  channel.on(name, handler);
                  return [name, handler] as const;
                });
                const timer = setTimeout(() => finish('timed out'), 20_000);
                function finish(result: string) {
                  clearTimeout(timer);
                  for (const [name, handler] of handlers) channel.off(name, handler);
                  resolve(result);
                }
                channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
              }),
            story.id,
          );
          if (outcome !== 'ok') problems.push(`did not render: ${outcome}`);
        }
        // Let effects and the next frames run: errors they log belong to this story.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        await page.waitForTimeout(150);
        if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) {
          problems.push(`error display: ${(await page.textContent('#error-message').catch(() => '')) ?? ''}`);
        }
        const text = (await page.textContent('#storybook-root').catch(() => '')) ?? '';
        if (text.trim() === '') problems.push('rendered nothing');
        await page.screenshot({ path: path.join(shots, `${story.id}.png`), fullPage: true });
        if (problems.length > 0) failures.push(`${story.id}:\n  ${problems.join('\n  ')}`);
      }
    } finally {
      await context.close();
    }
    expect(failures, failures.join('\n')).toEqual([]);
  }, 300_000);
});
