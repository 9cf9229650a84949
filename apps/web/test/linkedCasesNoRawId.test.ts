// A case's linked cases never show a protocol's id ("victim-attention v1"): while the protocols'
// titles load, the link reads "Abrir el caso vinculado", then the protocol's title. Real stack,
// real Chromium, the titles held back a moment.
import { describe, expect, it } from 'vitest';
import { driveCase, openNewest } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('linked-cases');

describe('linked cases', () => {
  it('name the linked case without a raw protocol id while the titles load', async () => {
    // A victim-attention case whose referral opened a linked case (the first sample: an adult
    // referred to voluntary return).
    const caseId = await openNewest(suite.stack.url, 'caseworker.gt', 'victim-attention');
    await driveCase(suite.stack.url, caseId, 'GT', (v) => v.linked.length > 0);
    const { page } = await loginAs(suite.browser, suite.stack.url, 'caseworker.gt');
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/protocols', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`/cases/${encodeURIComponent(caseId)}`);
    const link = page.locator('ul.linked li a').first();
    await link.waitFor();
    const whileLoading = await page.locator('ul.linked').innerText();
    await suite.screenshot(page, 'linked-loading');
    expect(whileLoading).not.toMatch(/[a-z]+-[a-z]+(-[a-z]+)* v\d/);
    expect(await link.innerText()).toBe('Abrir el caso vinculado');
    release();
    await expect.poll(() => link.innerText()).not.toBe('Abrir el caso vinculado');
    expect(await link.innerText()).toMatch(/^(Retorno|Repatriación|Regularización)/);
    await suite.screenshot(page, 'linked-loaded');
  }, 180_000);
});
