// The quick exit is on screen wherever the worker is: scrolled deep into a step form on a phone
// (where Escape twice cannot be pressed), on a wide screen, and on the login page, where Escape
// twice works too. It never hides what it floats over for good: the page's end scrolls clear of
// it, and a field the worker moves to is not left under it. In the real app (FerretDB, the
// server, the built app, Debian's chromium); screenshots go to test-artifacts/quick-exit/.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { driveCase, openNewest } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { ARTIFACTS } from './helpers/paths.js';
import { loginAs } from './helpers/session.js';

const PHONE = { width: 375, height: 667 };
const suite = browserSuite('quick-exit');
let caseId = '';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The quick exit's box, once it is on screen and the topmost thing at its centre. */
async function visibleExit(page: Page, viewport: { width: number; height: number }): Promise<Box> {
  const exit = page.locator('.quick-exit').first();
  const box = (await exit.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  const onTop = await page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.closest('.quick-exit') !== null,
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
  );
  expect(onTop, 'nothing covers the quick exit').toBe(true);
  return box;
}

async function caseOn(viewport: { width: number; height: number }): Promise<Page> {
  const { page } = await loginAs(suite.browser, suite.stack.url, 'caseworker.mx');
  await page.setViewportSize(viewport);
  await page.goto(`/cases/${encodeURIComponent(caseId)}`);
  await page.locator('[id$="_detectionPlace"]').waitFor();
  return page;
}

async function box(l: Locator): Promise<Box> {
  return (await l.boundingBox())!;
}

describe('the quick exit', () => {
  beforeAll(async () => {
    caseId = await openNewest(suite.stack.url, 'caseworker.mx', 'child-repatriation-mx');
    await driveCase(suite.stack.url, caseId, 'MX', (v) =>
      v.state.active.some((s) => s.path === 'identification.detection'),
    );
  }, 300_000);

  it('stays on a phone screen while the worker scrolls through a form, and leaves from there', async () => {
    const page = await caseOn(PHONE);
    const deep = page.locator('[id$="_screeningResult"]').first();
    await deep.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(800);
    await visibleExit(page, PHONE);
    await page.screenshot({ path: path.join(ARTIFACTS, 'quick-exit', 'phone-scrolled.png') });

    // A field reached by the keyboard is not left under it.
    const send = page.getByRole('button', { name: 'Registrar tamizaje', exact: true });
    await send.focus();
    expect(overlaps(await box(send), await visibleExit(page, PHONE))).toBe(false);

    // At the end of the page, nothing is under it.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const exit = await visibleExit(page, PHONE);
    const lastBottom = await page.evaluate(() =>
      Math.max(...[...document.querySelectorAll('main *')].map((e) => e.getBoundingClientRect().bottom)),
    );
    expect(lastBottom).toBeLessThanOrEqual(exit.y);

    await page.locator('.quick-exit').first().click();
    await page.waitForURL(/\/exit\.html$/);
  });

  it('stays on a wide screen scrolled down the case', async () => {
    const wide = { width: 1280, height: 800 };
    const page = await caseOn(wide);
    await page.locator('#timeline-title').scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(400);
    await visibleExit(page, wide);
    // The field focused is not under the banner that carries it.
    const place = page.locator('[id$="_detectionPlace"]');
    await place.focus();
    const banner = await box(page.locator('.banner'));
    expect((await box(place)).y).toBeGreaterThanOrEqual(banner.y + banner.height);
  });

  it('is on the login page, on a phone too, and Escape twice leaves from there', async () => {
    const context = await suite.browser.newContext({ baseURL: suite.stack.url, viewport: PHONE });
    const page = await context.newPage();
    await page.goto('/login');
    await page.locator('#login-username').waitFor();
    await visibleExit(page, PHONE);
    await suite.screenshot(page, 'login-phone');
    await page.locator('#login-username').fill('caseworker.mx');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL(/\/exit\.html$/);
    await context.close();
  });
});
