// A detection dated in the future is pointed out with the form's other problems, before anything
// is sent; it was found only by the server, after the worker had fixed every other field and sent
// the form again. Real stack, real Chromium.
import { describe, expect, it } from 'vitest';
import { openNewest } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('future-date');

describe('a detection dated in the future', () => {
  it('is named in the error summary with the missing fields, and nothing is sent', async () => {
    const caseId = await openNewest(suite.stack.url, 'caseworker.gt', 'child-repatriation-gt');
    const { page } = await loginAs(suite.browser, suite.stack.url, 'caseworker.gt');
    await page.goto(`/cases/${encodeURIComponent(caseId)}`);
    await page.getByRole('button', { name: 'Registrar detección en este país', exact: true }).click();
    const detectedAt = page.locator('[id$="_detectedAt"]');
    await detectedAt.waitFor();
    const steps: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/steps')) steps.push(r.url());
    });
    await detectedAt.fill(`${new Date().getFullYear() + 1}-03-01T10:00`);
    await page.locator('[id$="_detectionPlace"]').fill('Tecún Umán, San Marcos');
    await page.getByRole('button', { name: 'Registrar tamizaje', exact: true }).click();

    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await suite.screenshot(page, 'future-detection');
    const text = await summary.innerText();
    expect(text).toContain(
      'Fecha y hora de la detección: Es la fecha de algo que ya ocurrió: no puede ser posterior a hoy.',
    );
    expect(text).toContain('Quién detectó: Este campo es obligatorio.');
    expect(await page.locator('[id$="_detectedAt__error"]').innerText()).toBe(
      'Es la fecha de algo que ya ocurrió: no puede ser posterior a hoy.',
    );
    expect(steps).toEqual([]);

    // A past date is accepted: the problem goes once the date is corrected.
    const past = new Date(Date.now() - 2 * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    await detectedAt.fill(`${past.getFullYear()}-${pad(past.getMonth() + 1)}-${pad(past.getDate())}T10:00`);
    await page.getByRole('button', { name: 'Registrar tamizaje', exact: true }).click();
    await expect.poll(() => summary.innerText()).not.toContain('Fecha y hora de la detección');
    expect(steps).toEqual([]);

    // In English, the same problem in English.
    await detectedAt.fill(`${new Date().getFullYear() + 1}-03-01T10:00`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('html[lang=en]').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Record screening', exact: true }).click();
    await expect.poll(() => summary.innerText()).toContain('Date and time of detection: ');
    expect(await page.locator('[id$="_detectedAt__error"]').innerText()).toBe(
      'This is the date of something that happened: it cannot be later than today.',
    );
    expect(steps).toEqual([]);
  });
});
