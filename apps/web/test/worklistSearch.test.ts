// A case worker phoned about one case finds it by its reference in the worklist, and opens it;
// names are not searched.
import { describe, expect, it } from 'vitest';
import { openNewest } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('worklist-search');
/** How long the list may take to follow the search box on a busy machine. */
const WAIT = { timeout: 15_000 };

describe('the worklist search by reference', () => {
  it('finds the case whose reference is typed, keeps the search in the address, and opens the case', async () => {
    const wanted = await openNewest(suite.stack.url, 'caseworker.gt', 'child-repatriation');
    const other = await openNewest(suite.stack.url, 'caseworker.gt', 'voluntary-return');
    const abroad = await openNewest(suite.stack.url, 'caseworker.hn', 'child-repatriation');
    const { page } = await loginAs(suite.browser, suite.stack.url, 'caseworker.gt');
    const rows = page.locator('table.worklist tbody tr');
    await rows.filter({ hasText: other }).waitFor();

    // Reached from the keyboard: its label and its hint say what is searched, and why not names.
    const box = page.getByLabel('Buscar por referencia');
    await box.focus();
    expect(await box.getAttribute('aria-describedby')).toBe('f-q-hint');
    expect(await page.locator('#f-q-hint').innerText()).toContain('Los nombres no se pueden buscar');

    // Typed as read out over the phone: in capitals; the list narrows once typing pauses.
    await page.keyboard.type(wanted.toUpperCase());
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), WAIT).toBe(wanted.toUpperCase());
    await expect.poll(() => rows.count(), WAIT).toBe(1);
    await rows.filter({ hasText: wanted }).waitFor();
    await suite.screenshot(page, 'found');

    // Kept in the address: a reload shows the same search and the same case.
    await page.reload();
    await rows.filter({ hasText: wanted }).waitFor();
    expect(await page.locator('#f-q').inputValue()).toBe(wanted.toUpperCase());
    expect(await rows.count()).toBe(1);

    // Another country's case is not found, even by its whole reference (Enter searches at once).
    await page.locator('#f-q').fill(abroad);
    await page.locator('#f-q').press('Enter');
    const none = page.locator('.worklist-main p.empty');
    await expect.poll(() => none.innerText(), WAIT).toContain(`empiece por «${abroad}»`);
    expect(await rows.count()).toBe(0);
    // Nor is a case found by a name.
    await page.locator('#f-q').fill('María');
    await page.locator('#f-q').press('Enter');
    await expect.poll(() => none.innerText(), WAIT).toContain('«María»');
    await suite.screenshot(page, 'no-match');

    // The clear button (reached with Tab) brings the whole list back and the focus to the box.
    await page.locator('#f-q').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await rows.filter({ hasText: other }).waitFor();
    await rows.filter({ hasText: wanted }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-q');

    // The first characters of the reference find it; then its row opens the case.
    await page.keyboard.type(wanted.slice(0, 12));
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), WAIT).toBe(wanted.slice(0, 12));
    await rows
      .filter({ hasText: wanted })
      .getByRole('link', { name: 'Repatriación de niñas, niños y adolescentes víctimas de trata' })
      .click();
    await page.waitForURL(`**/cases/${wanted}`);
    await page.getByText(`Caso ${wanted}`).waitFor();
    await suite.screenshot(page, 'opened');
  }, 120_000);
});
