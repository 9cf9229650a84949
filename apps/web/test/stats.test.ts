// Guatemala's administrator reads the anonymised statistics in the real app (FerretDB, the
// server, the built app, Debian's chromium): counts rounded down to a multiple of 5, cells of
// fewer than 5 cases left out and said so. Screenshots go to test-artifacts/stats/.
import { describe, expect, it } from 'vitest';
import type { CaseView } from '../src/api/types.js';
import { apiAs } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('stats');

describe('the statistics page', () => {
  it('shows anonymised counts by protocol, rounded, with small cells withheld', async () => {
    const { stack, browser, screenshot } = suite;
    const gt = await apiAs(stack.url, 'caseworker.gt');
    const open = async (id: string) =>
      expect((await gt.post<CaseView>('/api/cases', { protocol: { id, version: 1 } })).status).toBe(201);
    for (let i = 0; i < 6; i++) await open('child-repatriation-gt');
    for (let i = 0; i < 3; i++) await open('victim-attention-gt');

    const { page } = await loginAs(browser, stack.url, 'admin.gt');
    await page
      .getByRole('navigation', { name: 'Principal' })
      .getByRole('link', { name: 'Estadísticas' })
      .click();
    await page.getByLabel('Protocolo').check();
    await page.getByLabel('País de origen').uncheck();
    const rows = page.locator('table.stats-table tbody tr');
    await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringMatching(/Guatemala\s+5$/)]);
    // Six cases show as 5; the three of victim attention are withheld, and the page says so.
    expect(await page.locator('.stats-page [role=status]').innerText()).toContain('Se omitió 1 celda.');
    await screenshot(page, 'by-protocol');
  });
});
