// An auditor audits a case in the real app (FerretDB, the server, the built app, Debian's
// chromium): the hash chain holds, the history replays the same under the version it ran under,
// and a what-if under the regional protocol says where the case would have gone otherwise, as
// the API says. Screenshots go to test-artifacts/audit/.
import { MongoClient } from 'mongodb';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CaseView, ConformanceReport } from '../src/api/types.js';
import { apiAs, caseReadyForHandover, driveCase } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { checkIntegrityNow } from './helpers/integrityPage.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('audit');

/** A case of `protocol` opened by the country's case worker and driven `steps` steps on. */
async function drivenCase(country: 'GT' | 'MX', protocol: string, steps: number): Promise<string> {
  const worker = await apiAs(suite.stack.url, `caseworker.${country.toLowerCase()}`);
  const opened = await worker.post<CaseView>('/api/cases', { protocol: { id: protocol, version: 1 } });
  expect(opened.status).toBe(201);
  let taken = 0;
  await driveCase(suite.stack.url, opened.body.case.id, country, () => ++taken > steps);
  return opened.body.case.id;
}

/** Chooses the regional child repatriation protocol to compare with, and runs the what-if. */
async function whatIfAgainstRegional(panel: Locator): Promise<void> {
  const select = panel.locator('#audit-against');
  const option = select
    .locator('option', { hasText: 'versión 1 (Regional)' })
    .filter({ hasText: /niñas, niños/ });
  await select.selectOption({ label: (await option.first().innerText()).trim() });
  await panel.getByRole('button', { name: 'Reproducir con esa versión' }).click();
}

describe("Guatemala's auditor", () => {
  it('verifies the chain, replays the history and compares it with the regional protocol', async () => {
    const { stack, browser, screenshot } = suite;
    const caseId = await drivenCase('GT', 'child-repatriation-gt', 6);

    const { page } = await loginAs(browser, stack.url, 'auditor.gt');
    await page.goto(`/cases/${encodeURIComponent(caseId)}`);
    const panel = page.locator('.audit-panel');
    await panel.waitFor();
    // Read-only for an auditor: no step to fill in, no handover to send.
    expect(await page.locator('.alert-info').innerText()).toContain('Vista de auditoría');
    expect(await page.locator('.step-panel').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Enviar traspaso' }).count()).toBe(0);
    const summary = panel.locator('[data-testid=audit-summary]');

    await panel.getByRole('button', { name: 'Verificar la cadena de hashes' }).click();
    await expect.poll(() => summary.innerText()).toMatch(/^Cadena íntegra: los \d+ eventos/);

    await panel.getByRole('button', { name: 'Reproducir el historial' }).click();
    await expect.poll(() => summary.innerText()).toMatch(/^Conforme: los \d+ eventos se reproducen igual/);
    const rows = panel.locator('table.audit-table tbody tr');
    expect(await rows.count()).toBeGreaterThan(5);
    // Events by the names the history gives them, not the engine's types.
    expect(await rows.first().innerText()).toContain('Caso abierto');
    expect(await panel.locator('table.audit-table tbody th').allInnerTexts()).not.toContainEqual(
      expect.stringMatching(/^(case\.|xstate\.|[A-Z_]+$)/),
    );
    await screenshot(page, 'replay');

    // What-if offers versions and variants of the case's own protocol only.
    const offered = await panel.locator('#audit-against option').allInnerTexts();
    expect(offered.some((o) => /niñas, niños/.test(o))).toBe(true);
    expect(offered.filter((o) => /Retorno voluntario|Regularización|Atención/.test(o))).toEqual([]);

    // What-if under the regional protocol: the same verdict as the API gives.
    const auditor = await apiAs(stack.url, 'auditor.gt');
    const api = (
      await auditor.post<ConformanceReport>(`/api/cases/${caseId}/audit/what-if`, {
        protocol: { id: 'child-repatriation', version: 1 },
      })
    ).body;
    await whatIfAgainstRegional(panel);
    if (api.ok) {
      await expect.poll(() => summary.innerText()).toMatch(/eventos se habrían dado igual/);
    } else {
      const at = api.events[api.firstDivergence!]!;
      await expect.poll(() => summary.innerText()).toContain(`divergido en el evento ${at.seq} (`);
      expect(await summary.innerText()).not.toContain(`(${at.type})`);
    }
    await screenshot(page, 'what-if');
  }, 120_000);
});

describe("Mexico's auditor", () => {
  it('reads why a what-if diverges in Spanish, by stage, form and field titles, inside the panel', async () => {
    const { stack, browser, screenshot } = suite;
    const caseId = await drivenCase('MX', 'child-repatriation-mx', 8);

    const { page } = await loginAs(browser, stack.url, 'auditor.mx');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/cases/${encodeURIComponent(caseId)}`);
    const panel = page.locator('.audit-panel');
    await panel.waitFor();
    await whatIfAgainstRegional(panel);
    const summary = panel.locator('[data-testid=audit-summary]');
    await expect.poll(() => summary.innerText()).toMatch(/divergido en el evento/);

    const reasons = await panel.locator('.audit-reasons li').allInnerTexts();
    expect(reasons.length).toBeGreaterThan(0);
    const all = reasons.join('\n');
    // No raw state values, no engine English.
    expect(all).not.toMatch(/[{}"]/);
    expect(all).not.toMatch(/\b(the step|the record|leads to|cannot be sent|is not a field|available:)\b/);
    // The Mexican record's DIF field, by its label, in the regional form that lacks it.
    expect(all).toContain('«Canalización al Sistema DIF (sin alojamiento en estación migratoria)»');
    expect(all).toContain('«Albergue y salud»');
    // Stages by their titles.
    expect(all).toMatch(/«Acogida y atención de salud|«Verificación/);

    // The table stays within its panel.
    const widths = await panel.evaluate((el) => ({
      panel: el.getBoundingClientRect().width,
      table: el.querySelector('table.audit-table')!.getBoundingClientRect().width,
    }));
    expect(widths.table).toBeLessThanOrEqual(widths.panel + 1);
    await screenshot(page, 'what-if-reasons');
  }, 180_000);
});

/** Runs `change` on the stack's own database, as someone with access to it would. */
async function inDatabase(change: (db: ReturnType<MongoClient['db']>) => Promise<unknown>): Promise<void> {
  const client = await MongoClient.connect(suite.stack.database.uri);
  try {
    await change(client.db(suite.stack.database.name));
  } finally {
    await client.close();
  }
}

const eventKey = (caseId: string, seq: number) => `${caseId}:${String(seq).padStart(9, '0')}`;

describe('a case altered in the database', () => {
  it('the auditor reads in Spanish which events are missing and what of the stored case differs', async () => {
    const { stack, browser, screenshot } = suite;
    const cut = await drivenCase('GT', 'child-repatriation-gt', 4);
    const gap = await drivenCase('GT', 'child-repatriation-gt', 4);
    const edited = await drivenCase('GT', 'child-repatriation-gt', 4);
    await inDatabase(async (db) => {
      await db.collection<{ _id: string }>('caseEvents').deleteOne({ _id: eventKey(cut, 4) });
      await db.collection<{ _id: string }>('caseEvents').deleteOne({ _id: eventKey(gap, 2) });
      const cases = db.collection<{ _id: string; cur: { seq: number; state: string } }>('cases');
      // The server writes the document behind its answers: edit it once it has followed the last step.
      await expect.poll(async () => (await cases.findOne({ _id: edited }))?.cur.seq).toBe(4);
      const doc = (await cases.findOne({ _id: edited }))!;
      const state = JSON.parse(doc.cur.state) as { data: Record<string, Record<string, unknown>> };
      const form = Object.keys(state.data)[0]!;
      state.data[form] = { ...state.data[form], forged: true };
      await cases.updateOne({ _id: edited }, { $set: { 'cur.state': JSON.stringify(state) } });
    });

    const { page } = await loginAs(browser, stack.url, 'auditor.gt');
    await page.setViewportSize({ width: 1280, height: 900 });
    const audit = async (
      caseId: string,
      button: 'Verificar la cadena de hashes' | 'Reproducir el historial',
    ) => {
      await page.goto(`/cases/${encodeURIComponent(caseId)}`);
      const panel = page.locator('.audit-panel');
      await panel.waitFor();
      await panel.getByRole('button', { name: button }).click();
      const summary = panel.locator('[data-testid=audit-summary]');
      await summary.waitFor();
      return { panel, summary: await summary.innerText() };
    };

    // The last event deleted: the case is refused, and its audit says events are missing at the end.
    let r = await audit(cut, 'Verificar la cadena de hashes');
    expect(await page.locator('.page').innerText()).toContain('ya no concuerda con su historial');
    expect(r.summary).toBe(
      'Falta el último evento del historial: el caso guardado está en el evento 4 y el historial termina en el 3.',
    );
    r = await audit(cut, 'Reproducir el historial');
    expect(r.summary).toContain('Faltan eventos al final del historial');
    expect(await r.panel.locator('.audit-reasons').last().innerText()).toContain(
      'falta el evento 4, el último que registra el caso guardado',
    );

    // An event deleted in the middle: said once; the later events keep their intact hash.
    r = await audit(gap, 'Verificar la cadena de hashes');
    expect(r.summary).toBe(
      'La cadena se rompe en el evento 2: falta el evento 2: el historial salta al evento 3.',
    );
    r = await audit(gap, 'Reproducir el historial');
    const rows = r.panel.locator('table.audit-table tbody tr');
    expect(await rows.count()).toBe(4);
    for (const row of await rows.all()) expect(await row.locator('td').nth(3).innerText()).toContain('✓');
    const reasons = (await r.panel.locator('.audit-reasons li').allInnerTexts()).join('\n');
    expect(reasons.match(/falta el evento 2/g)).toHaveLength(1);
    await screenshot(page, 'event-missing');

    // The stored case's form data edited: the audit names the form, not the data.
    r = await audit(edited, 'Verificar la cadena de hashes');
    expect(r.summary).toMatch(
      /^El caso guardado no coincide con su historial en: los datos del formulario «[^»]+»/,
    );
    expect(r.summary).not.toContain('forged');
    r = await audit(edited, 'Reproducir el historial');
    expect(r.summary).toMatch(/^El caso guardado no coincide con su historial en: los datos del formulario/);
    await screenshot(page, 'document-edited');
  }, 180_000);
});

describe('the integrity page', () => {
  it('lists, after a check, the cases of the auditor’s country altered in the database, and links to each', async () => {
    const { stack, browser, screenshot } = suite;
    const altered = await drivenCase('GT', 'child-repatriation-gt', 3);
    const elsewhere = await drivenCase('MX', 'child-repatriation-mx', 3);
    const forged = await drivenCase('GT', 'child-repatriation-gt', 2);
    await inDatabase(async (db) => {
      for (const caseId of [altered, elsewhere])
        await db.collection<{ _id: string }>('caseEvents').deleteOne({ _id: eventKey(caseId, 3) });
      const cases = db.collection<{ _id: string; cur: { seq: number; state: string } }>('cases');
      await expect.poll(async () => (await cases.findOne({ _id: forged }))?.cur.seq).toBe(2);
      const doc = (await cases.findOne({ _id: forged }))!;
      const state = JSON.parse(doc.cur.state) as { data: Record<string, Record<string, unknown>> };
      const form = Object.keys(state.data)[0]!;
      state.data[form] = { ...state.data[form], forged: true };
      await cases.updateOne({ _id: forged }, { $set: { 'cur.state': JSON.stringify(state) } });
    });

    const { page } = await loginAs(browser, stack.url, 'auditor.gt');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('link', { name: 'Integridad' }).click();
    await page.getByRole('heading', { name: 'Integridad de los casos' }).waitFor();
    await page.getByRole('button', { name: 'Comprobar ahora' }).click();
    const status = page.locator('.integrity-sweep p').first();
    await expect
      .poll(() => status.innerText(), { timeout: 60_000 })
      .toMatch(/^Última comprobación, terminada el .+: \d+ casos comprobados; dañados: \d+\.$/);
    const row = page.locator('table.integrity-table tbody tr', { hasText: altered });
    await row.waitFor();
    expect(await row.innerText()).toContain('faltan eventos al final del historial, desde el evento 3');
    // A form by its title, the protocol by its own, never the data.
    const forgedRow = page.locator('table.integrity-table tbody tr', { hasText: forged });
    expect(await forgedRow.innerText()).toMatch(
      /niñas, niños[\s\S]*el expediente guardado no es el que da su historial: datos del formulario «[^»]+»/,
    );
    expect(await forgedRow.innerText()).not.toContain('forged');
    // Mexico's damaged case is not Guatemala's auditor's to know of.
    expect(await page.locator('table.integrity-table').innerText()).not.toContain(elsewhere);
    await screenshot(page, 'integrity');

    await row.getByRole('link', { name: altered }).click();
    await page.locator('.audit-panel').waitFor();
    expect(await page.locator('.page').innerText()).toContain('ya no concuerda con su historial');
  }, 180_000);

  it('lists a handover whose packet was altered in the database to both countries’ auditors, in their language', async () => {
    const { stack, browser, screenshot } = suite;
    const caseId = await caseReadyForHandover(stack.url, 'caseworker.gt');
    const sent = await (
      await apiAs(stack.url, 'caseworker.gt')
    ).post<{ id: string }>(`/api/cases/${caseId}/handovers`, { toCountry: 'MX', note: 'Traslado' });
    expect(sent.status).toBe(201);
    const handoverId = sent.body.id;
    await inDatabase(async (db) => {
      const handovers = db.collection<{ _id: string; packet: string }>('handovers');
      const doc = (await handovers.findOne({ _id: handoverId }))!;
      const edited = doc.packet.replace(/"sex":"([a-z]+)"/, (_m, v: string) =>
        v === 'female' ? '"sex":"male"' : '"sex":"female"',
      );
      expect(edited).not.toBe(doc.packet);
      await handovers.updateOne({ _id: handoverId }, { $set: { packet: edited } });
    });

    const { page, context } = await loginAs(browser, stack.url, 'auditor.gt');
    await checkIntegrityNow(page, stack.url, /^Paquetes de traspaso: \d+ comprobados?; dañados: [1-9]\d*\.$/);
    const row = page.locator('table.integrity-packets tbody tr', { hasText: handoverId });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('Guatemala → México');
    expect(text).toContain('Pendiente');
    expect(text).toContain('el paquete guardado ya no coincide con su hash SHA-256');
    await page.getByRole('heading', { name: 'Paquetes de traspaso' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'integrity-packets');
    await row.getByRole('link', { name: caseId }).click();
    await page.locator('.audit-panel').waitFor();
    await context.close();

    // The receiving country's auditor sees it too, in English; the sending case is not theirs to open.
    const mx = await loginAs(browser, stack.url, 'auditor.mx', 'en-US');
    await mx.page.goto(`${stack.url}/integrity`);
    const theirs = mx.page.locator('table.integrity-packets tbody tr', { hasText: handoverId });
    await theirs.waitFor();
    expect(await theirs.innerText()).toContain('the stored packet no longer matches its SHA-256 hash');
    expect(await theirs.getByRole('link').count()).toBe(0);
    await screenshot(mx.page, 'integrity-packets-en');
    await mx.context.close();
  }, 180_000);

  it('is not offered to a case worker', async () => {
    const { page } = await loginAs(suite.browser, suite.stack.url, 'caseworker.gt');
    await page.locator('nav').waitFor();
    expect(await page.getByRole('link', { name: 'Integridad' }).count()).toBe(0);
  });
});
