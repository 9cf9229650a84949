// On a phone (390 × 844) every page fits the screen's width in the real app (FerretDB, the
// server, the built app, Debian's chromium): nothing makes the whole page scroll sideways, only a
// table may scroll inside its own box. Screenshots go to test-artifacts/phone/.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { driveCase, openNewest } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { ARTIFACTS } from './helpers/paths.js';
import { loginAs } from './helpers/session.js';

const PHONE = { width: 390, height: 844 };
const suite = browserSuite('phone');
let caseId = '';

/** Logs the user in and turns the window into a phone's. */
async function onPhone(username: string): Promise<Page> {
  const { page } = await loginAs(suite.browser, suite.stack.url, username);
  await page.setViewportSize(PHONE);
  return page;
}

/** How wide the page is laid out (the screen's width, less a scrollbar, when it fits). */
function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

describe('on a phone', () => {
  beforeAll(async () => {
    // A Mexican case handed over to Guatemala: something on every page.
    caseId = await openNewest(suite.stack.url, 'caseworker.mx', 'child-repatriation-mx');
    await driveCase(suite.stack.url, caseId, 'MX', (v) => v.handovers.some((h) => h.toCountry === 'GT'));
  }, 300_000);

  it("fits a case worker's list of cases and the form to open one", async () => {
    const page = await onPhone('caseworker.mx');
    await page.locator('table.worklist tbody tr').first().waitFor();
    await page.locator('#open-protocol option').nth(1).waitFor({ state: 'attached' });
    await suite.screenshot(page, 'worklist');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });

  it("fits a case worker's step whose deadline is long overdue, in English", async () => {
    // The sample detection is months old: immediate attention, due 24 hours after it, is overdue
    // by hundreds of days, a long line in the step's header.
    const attention = await openNewest(suite.stack.url, 'caseworker.gt', 'victim-attention');
    await driveCase(suite.stack.url, attention, 'GT', (v) => v.overdue);
    const page = await onPhone('caseworker.gt');
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`/cases/${encodeURIComponent(attention)}`);
    const due = page.locator('.step-panel .step-meta .due-overdue').first();
    await due.waitFor();
    expect(await due.innerText()).toMatch(/^⚠ Overdue by \d+ days/);
    await suite.screenshot(page, 'overdue-step');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    const box = await due.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
  });

  it("fits an auditor's case page, with its long list of versions to compare with", async () => {
    const page = await onPhone('auditor.mx');
    await page.goto(`/cases/${encodeURIComponent(caseId)}`);
    await page.locator('#audit-against option').nth(1).waitFor({ state: 'attached' });
    await page.locator('.timeline-item').first().waitFor();
    await suite.screenshot(page, 'auditor-case');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page
      .locator('.audit-panel')
      .screenshot({ path: path.join(ARTIFACTS, 'phone', 'auditor-compare.png') });
    const select = await page.locator('#audit-against').boundingBox();
    expect(select!.x + select!.width).toBeLessThanOrEqual(PHONE.width);
  });

  it("fits a focal point's handovers, with the sending case's long reference", async () => {
    const page = await onPhone('focalpoint.gt');
    await page.goto('/handovers');
    await page.locator('.handover-card', { hasText: caseId }).waitFor();
    await page.locator('.handover-card dd', { hasText: 'Repatriación' }).first().waitFor();
    await suite.screenshot(page, 'handovers');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });

  it("fits a focal point's alerts", async () => {
    const page = await onPhone('focalpoint.gt');
    await page.goto('/alerts');
    await page.locator('.alert-item').first().waitFor();
    await suite.screenshot(page, 'alerts');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });

  it("fits an administrator's accounts (the table scrolls in its own box)", async () => {
    const page = await onPhone('admin.gt');
    await page.locator('table.users-table tbody tr').first().waitFor();
    await suite.screenshot(page, 'users');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });

  it("fits a designer's list of protocols and the comparison of two versions", async () => {
    const page = await onPhone('designer.gt');
    await page.locator('select[name=compare-a] option').nth(1).waitFor({ state: 'attached' });
    await suite.screenshot(page, 'designer-home');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    // The designer's first load parses its large bundle: as the other designer pages' tests, allow
    // for a machine busy with the suites running beside this one.
  }, 120_000);
});
