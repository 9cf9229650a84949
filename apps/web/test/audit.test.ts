// An auditor audits a case in the real app (FerretDB, the server, the built app, Debian's
// chromium): the hash chain holds, the history replays the same under the version it ran under,
// and a what-if under the regional protocol says where the case would have gone otherwise, as
// the API says. Screenshots go to test-artifacts/audit/.
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CaseView, ConformanceReport } from '../src/api/types.js';
import { apiAs, driveCase } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
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
    expect(await rows.first().innerText()).toContain('case.opened');
    await screenshot(page, 'replay');

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
      await expect.poll(() => summary.innerText()).toContain(`divergido en el evento ${at.seq} (${at.type})`);
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
