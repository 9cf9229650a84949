// A country with more open cases, or more handovers, than fit a page sees them all: the list
// shows the first page and "Mostrar más ..." adds the next, until none is left. In the real app
// (FerretDB, the server, the built app, Debian's chromium).
import { describe, expect, it } from 'vitest';
import { HANDOVERS_PAGE, WORKLIST_PAGE } from '../src/api/api.js';
import { apiAs } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('list-pages');

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

describe('the handovers of a busy focal point', () => {
  it('shows every handover, a page at a time, and still accepts one from a later page', async () => {
    const sender = await apiAs(suite.stack.url, 'caseworker.sv');
    const total = HANDOVERS_PAGE + 2;
    for (let i = 0; i < total; i++) {
      const opened = await sender.post<{ case: { id: string } }>('/api/cases', {
        protocol: { id: 'child-repatriation', version: 1 },
      });
      const r = await sender.post(`/api/cases/${opened.body.case.id}/handovers`, {
        toCountry: 'MX',
        note: `Traspaso número ${i + 1}.`,
      });
      expect(r.status).toBe(201);
    }
    const { page, context } = await loginAs(suite.browser, suite.stack.url, 'focalpoint.mx');
    await page.goto(`${suite.stack.url}/handovers`);
    const cards = page.locator('.handover-grid > *');
    const more = page.getByRole('button', { name: 'Mostrar más traspasos' });
    await more.waitFor();
    expect(await cards.count()).toBe(HANDOVERS_PAGE);
    await more.click();
    await expect.poll(() => cards.count()).toBe(total);
    expect(await more.count()).toBe(0);
    // The oldest, which came with the second page, can still be accepted: its form opens.
    const oldest = cards.last();
    expect(await oldest.textContent()).toContain('Traspaso número 1.');
    await oldest.getByRole('button', { name: 'Aceptar y abrir caso' }).click();
    await expect.poll(() => oldest.locator('form').count()).toBe(1);
    await suite.screenshot(page, 'all-handovers');
    await context.close();
  });
});
