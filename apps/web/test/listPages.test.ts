// A country with more open cases, or more handovers, than fit a page sees them all: the list
// shows the first page and "Mostrar más ..." adds the next, until none is left. In the real app
// (FerretDB, the server, the built app, Debian's chromium).
import { describe, expect, it } from 'vitest';
import { MongoClient } from 'mongodb';
import { ALERTS_PAGE, HANDOVERS_PAGE, WORKLIST_PAGE } from '../src/api/api.js';
import { apiAs, caseReadyForHandover } from './helpers/apiDriver.js';
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
    // Each case stepped to the coordination between liaisons (where a handover is allowed), a few
    // at a time; then handed over in order, so that the first is the oldest.
    const ready: string[] = [];
    while (ready.length < total) {
      const batch = Math.min(8, total - ready.length);
      ready.push(
        ...(await Promise.all(
          Array.from({ length: batch }, () => caseReadyForHandover(suite.stack.url, 'caseworker.sv')),
        )),
      );
    }
    for (const [i, caseId] of ready.entries()) {
      const r = await sender.post(`/api/cases/${caseId}/handovers`, {
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
    // Stepping a page and more of cases to the coordination takes a while on a busy machine.
  }, 300_000);
});

describe('the alerts of a busy focal point', () => {
  it('shows every alert, a page at a time, and marks one of a later page read', async () => {
    const total = ALERTS_PAGE + 2;
    const client = await MongoClient.connect(suite.stack.database.uri);
    try {
      const start = Date.parse('2026-01-01T00:00:00.000Z');
      await client
        .db(suite.stack.database.name)
        .collection('notifications')
        .insertMany(
          Array.from({ length: total }, (_, i) => {
            const caseId = `6b0000000000000000${String(i).padStart(6, '0')}`;
            return {
              _id: `${caseId}:1:0` as unknown as never,
              country: 'HN',
              caseId,
              caseCountry: 'GT',
              reason: { es: `Alerta de 24 horas número ${i + 1}`, en: `24-hour alert number ${i + 1}` },
              at: new Date(start + i * 60_000).toISOString(),
            };
          }),
        );
    } finally {
      await client.close();
    }
    const { page, context } = await loginAs(suite.browser, suite.stack.url, 'focalpoint.hn');
    const nav = page.getByRole('navigation', { name: 'Principal' });
    // The banner counts every unread alert, not only those of the first page.
    await expect
      .poll(() => nav.getByRole('link', { name: /^Avisos/ }).innerText())
      .toBe(`Avisos (${total} sin leer)`);
    await nav.getByRole('link', { name: /^Avisos/ }).click();
    const items = page.locator('.alert-list > li');
    const more = page.getByRole('button', { name: 'Mostrar más avisos' });
    await more.waitFor();
    expect(await items.count()).toBe(ALERTS_PAGE);
    await more.click();
    await expect.poll(() => items.count()).toBe(total);
    expect(await more.count()).toBe(0);
    // The oldest came with the second page; marking it read keeps both pages on screen.
    const oldest = items.last();
    expect(await oldest.textContent()).toContain('número 1');
    await oldest.getByRole('button', { name: 'Marcar como leído' }).click();
    await expect.poll(() => oldest.textContent()).not.toContain('Nuevo');
    expect(await items.count()).toBe(total);
    await expect
      .poll(() => nav.getByRole('link', { name: /^Avisos/ }).innerText())
      .toBe(`Avisos (${total - 1} sin leer)`);
    await suite.screenshot(page, 'alerts-all-pages');
    await context.close();
  });
});
