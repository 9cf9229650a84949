// A country with more open cases than fit a page sees them all: the worklist shows the first
// page and "Mostrar más casos" adds the next, until none is left. In the real app (FerretDB,
// the server, the built app, Debian's chromium).
import { describe, expect, it } from 'vitest';
import { WORKLIST_PAGE } from '../src/api/api.js';
import { apiAs } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('worklist-pages');

describe('the worklist of a busy country', () => {
  it('shows every open case, a page at a time', async () => {
    const worker = await apiAs(suite.stack.url, 'caseworker.hn');
    const total = WORKLIST_PAGE + 3;
    for (let i = 0; i < total; i++) {
      const r = await worker.post('/api/cases', { protocol: { id: 'child-repatriation', version: 1 } });
      expect(r.status).toBe(201);
    }
    const { page, context } = await loginAs(suite.browser, suite.stack.url, 'caseworker.hn');
    const rows = page.locator('.worklist-main tbody tr');
    const more = page.getByRole('button', { name: 'Mostrar más casos' });
    await more.waitFor();
    expect(await rows.count()).toBe(WORKLIST_PAGE);
    await more.click();
    await expect.poll(() => rows.count()).toBe(total);
    expect(await more.count()).toBe(0);
    const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.textContent));
    expect(new Set(ids).size).toBe(total);
    await suite.screenshot(page, 'all-pages');
    await context.close();
  });
});
