// The case-worker app on the real stack (FerretDB, the server, the built app, Debian's chromium):
// a child-repatriation case in Mexico from opening to closure, and a handover from Mexico
// accepted by Guatemala's focal point. Screenshots of each stage go to test-artifacts/journey/.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Lang } from '@ruta/protocol';
import type { CaseView, ResolvedProtocol } from '../src/api/types.js';
import { apiAs, AVOID, caseReadyForHandover, driveCase, samplesFor } from './helpers/apiDriver.js';
import { fillForm } from './helpers/fillForm.js';
import { loginAs, type Session } from './helpers/session.js';
import { browserSuite } from './helpers/browserSuite.js';

const suite = browserSuite('journey');
const screenshot = (page: Page, label: string) => suite.screenshot(page, label);

/** The case as a user sees it over the API (same cookie as the page). */
async function caseView(s: Session, caseId: string): Promise<CaseView> {
  const r = await s.page.request.get(`/api/cases/${caseId}`);
  expect(r.status(), await r.text()).toBe(200);
  return (await r.json()) as CaseView;
}

/** Presses an action's button on the case page and waits until the step is recorded. */
async function act(page: Page, title: string, lang: Lang) {
  await page.getByRole('button', { name: title, exact: true }).click();
  const done = page.locator('[role=status]', { hasText: lang === 'es' ? 'Hecho:' : 'Done:' });
  const refused = page.locator('.alert-error, .error-summary');
  await Promise.race([
    done.waitFor({ state: 'attached', timeout: 20_000 }),
    refused.first().waitFor({ timeout: 20_000 }),
  ]);
  if (await refused.count()) throw new Error(`"${title}" was refused: ${await refused.first().innerText()}`);
}

describe('a case worker at a Mexican shelter', () => {
  it('opens a child-repatriation case, is stopped by a missing field, and steps it to closure, switching to English midway', async () => {
    const worker = await loginAs(suite.browser, suite.stack.url, 'caseworker.mx');
    const { page } = worker;
    await expect.poll(() => page.locator('h1').innerText(), { timeout: 10_000 }).toBe('Mis casos');
    await screenshot(page, 'worklist-empty');

    // Open a case under Mexico's variant of child repatriation.
    const option = page
      .locator('#open-protocol option', { hasText: 'México' })
      .filter({ hasText: 'Repatriación' });
    await page.locator('#open-protocol').selectOption({ label: (await option.first().innerText()).trim() });
    await page.getByRole('button', { name: 'Abrir caso' }).click();
    await page.waitForURL(/\/cases\//);
    const caseId = decodeURIComponent(page.url().split('/cases/')[1]!);
    await page.locator('.step-panel').first().waitFor();
    await screenshot(page, 'case-opened');
    const first = await caseView(worker, caseId);
    const protocol = (await (
      await page.request.get(`/api/protocols/${first.protocol.id}/versions/${first.protocol.version}`)
    ).json()) as ResolvedProtocol;

    // Intake, then the detection form: sent empty, it stops at the first missing field.
    await act(page, 'Registrar detección en este país', 'es');
    const before = (await caseView(worker, caseId)).version;
    await page.getByRole('button', { name: 'Registrar tamizaje', exact: true }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.count()).toBe(1);
    expect(await summary.innerText()).toContain(
      'Lugar (municipio y departamento o estado): Este campo es obligatorio.',
    );
    const place = page.locator('[id$="_detectionPlace"]');
    expect(await page.locator('[id$="_detectionPlace__error"]').innerText()).toBe(
      'Este campo es obligatorio.',
    );
    expect(await place.getAttribute('aria-invalid')).toBe('true');
    const focused = await page.evaluate(() => document.activeElement?.id ?? '');
    expect(focused).toMatch(/_detectedAt$/);
    await screenshot(page, 'detection-missing-fields');
    expect((await caseView(worker, caseId)).version, 'nothing was sent').toBe(before);

    // Every stage to closure, as the case worker, the supervisor and the focal point in turn.
    const sessions: Session[] = [
      worker,
      await loginAs(suite.browser, suite.stack.url, 'supervisor.mx'),
      await loginAs(suite.browser, suite.stack.url, 'focalpoint.mx'),
    ];
    let lang: Lang = 'es';
    const events: string[] = [];
    for (let turn = 0; turn < 60; turn++) {
      let moved = false;
      for (const s of sessions) {
        const view = await caseView(s, caseId);
        if (view.case.status === 'closed') break;
        const action = view.available.find((a) => a.ok && !AVOID.has(a.event));
        if (!action) continue;
        await s.page.goto(`/cases/${encodeURIComponent(caseId)}`);
        await s.page.locator('.case-page').waitFor();
        const title = action.title[lang];
        const button = s.page.getByRole('button', { name: title, exact: true });
        if (action.form) {
          const panel = s.page.locator('section.step-panel', { has: button });
          await fillForm(panel, protocol.forms[action.form]!, samplesFor(protocol, action.form)[0]!, lang);
        }
        await act(s.page, title, lang);
        events.push(action.event);
        await screenshot(s.page, `${lang}-${action.event.toLowerCase()}-by-${s.username}`);
        moved = true;
        // Midway, after the decision, everyone switches to English and carries on.
        if (action.event === 'DECIDE' && lang === 'es') {
          for (const other of sessions) {
            await other.page.getByRole('button', { name: 'English' }).click();
            await other.page.locator('html[lang=en]').waitFor({ state: 'attached' });
          }
          lang = 'en';
          expect(await s.page.locator('#stands-title').innerText()).toBe('Case stages');
          expect(await s.page.locator('#timeline-title').innerText()).toBe('History');
          await screenshot(s.page, 'switched-to-english');
        }
        break;
      }
      if ((await caseView(worker, caseId)).case.status === 'closed') break;
      if (!moved) throw new Error(`nobody could move the case after ${events.join(', ')}`);
    }
    expect(events).toEqual(expect.arrayContaining(['SCREENED', 'VERIFIED', 'DECIDE', 'COORDINATED']));
    expect(lang).toBe('en');

    // Closed: the page says so, the stepper ends at closure, the history lists every step.
    await page.goto(`/cases/${encodeURIComponent(caseId)}`);
    await page.locator('.closed-panel').waitFor();
    expect(await page.locator('.closed-panel h2').innerText()).toBe('Case closed');
    expect(await page.locator('.timeline-item').count()).toBe(events.length + 2);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await screenshot(page, 'case-closed');

    // A reserved value stays hidden until the worker says why they need it (the reason is logged).
    const record = page.locator('.record');
    const reserved = record.locator('.record-form', { has: page.locator('.sensitive') }).first();
    await reserved.locator('summary').click();
    const field = reserved.locator('.record-field', { has: page.locator('.sensitive') }).first();
    expect(await field.locator('.sensitive-mask').innerText()).toBe('Reserved');
    await field.getByRole('button', { name: /^Show/ }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator('textarea').fill('check');
    await dialog.getByRole('button', { name: 'Show the data' }).click();
    expect(await dialog.locator('[role=alert]').innerText()).toBe(
      'Explain the reason (at least 10 characters).',
    );
    await dialog.locator('textarea').fill('Preparing the hearing with the prosecutor');
    await dialog.getByRole('button', { name: 'Show the data' }).click();
    await field.locator('.is-revealed').waitFor();
    const shown = await field.locator('.is-revealed').innerText();
    expect(shown).not.toContain('Reserved');
    expect(shown).not.toContain('[reserved]');
    await screenshot(page, 'reserved-value-revealed');

    // The language is remembered across a reload.
    await page.reload();
    await page.locator('.closed-panel').waitFor();
    expect(await page.locator('.closed-panel h2').innerText()).toBe('Case closed');

    // Quick exit: Escape twice leaves for a neutral page, and "back" does not bring the case back.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL(/\/exit\.html$/);
    expect(await page.locator('body').innerText()).not.toMatch(/Ruta|Repatria|Case/);
    await screenshot(page, 'quick-exit');
    await page.goBack();
    await page.waitForLoadState();
    await page.waitForTimeout(500);
    expect(await page.locator('body').innerText()).not.toMatch(/Repatriation|Case closed|History/);
    const me = await page.request.get('/api/auth/me');
    expect(me.status()).toBe(401);

    for (const s of sessions) await s.context.close();
  }, 600_000);

  it('hands a case over to Guatemala, whose focal point accepts it into a case of their own', async () => {
    // Set-up over the API: a Mexican case up to its return, which sends the handover.
    const mx = await apiAs(suite.stack.url, 'caseworker.mx');
    const versions = (await mx.get<{ id: string; version: number }[]>('/api/protocols')).body;
    const mxProtocol = versions
      .filter((p) => p.id === 'child-repatriation-mx')
      .sort((a, b) => b.version - a.version)[0]!;
    const opened = await mx.post<CaseView>('/api/cases', {
      protocol: { id: mxProtocol.id, version: mxProtocol.version },
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.case.id;
    const sent = await driveCase(suite.stack.url, caseId, 'MX', (v) =>
      v.handovers.some((h) => h.toCountry === 'GT'),
    );
    expect(sent.handovers).toEqual([expect.objectContaining({ toCountry: 'GT', status: 'pending' })]);

    // The Mexican worker sees the handover pending on the case.
    const worker = await loginAs(suite.browser, suite.stack.url, 'caseworker.mx');
    await worker.page.goto(`/cases/${encodeURIComponent(caseId)}`);
    await worker.page.locator('.handover-list').waitFor();
    expect(await worker.page.locator('.handover-list').innerText()).toContain('México → Guatemala');
    expect(await worker.page.locator('.handover-list').innerText()).toContain('Pendiente');
    await screenshot(worker.page, 'mx-handover-pending');

    // Guatemala's focal point finds it in the handovers inbox, with only shareable data.
    const focal = await loginAs(suite.browser, suite.stack.url, 'focalpoint.gt');
    const { page } = focal;
    await page.getByRole('link', { name: 'Traspasos' }).click();
    const card = page.locator('.handover-card', { hasText: caseId });
    await card.waitFor();
    const cardText = await card.innerText();
    expect(cardText).toContain('México → Guatemala');
    expect(cardText).toContain('Datos compartidos');
    await screenshot(page, 'gt-inbox');

    // Accepting asks for what the packet does not carry; the rest is filled in from it.
    await card.getByRole('button', { name: 'Aceptar y abrir caso' }).click();
    const receive = card.locator('.receive-form');
    await receive.waitFor();
    expect(await receive.locator('[id$="_sendingCountry"]').inputValue()).not.toBe('');
    // Nothing is sent yet, so nothing is said wrong before the focal point typed.
    expect(await receive.locator('[id$="_portOfEntry__error"]').count()).toBe(0);
    await screenshot(page, 'gt-receive-form');
    const gtProtocol = (await (await page.request.get('/api/protocols')).json()) as {
      id: string;
      version: number;
    }[];
    const gtRef = gtProtocol
      .filter((p) => p.id === 'child-repatriation-gt')
      .sort((a, b) => b.version - a.version)[0]!;
    const gtResolved = (await (
      await page.request.get(`/api/protocols/${gtRef.id}/versions/${gtRef.version}`)
    ).json()) as ResolvedProtocol;
    const receipt = gtResolved.forms['cr-handover-receipt']!;
    const sample = samplesFor(gtResolved, receipt.id)[0]!;
    await fillForm(
      card,
      receipt,
      {
        expectedArrival: sample.expectedArrival,
        portOfEntry: sample.portOfEntry,
        escortingInstitution: sample.escortingInstitution,
      },
      'es',
    );
    await card.getByRole('button', { name: 'Recibir el caso' }).click();
    await page.waitForURL(/\/cases\//);
    await page.locator('.case-page .step-panel').first().waitFor();
    const gtCaseId = decodeURIComponent(page.url().split('/cases/')[1]!);
    expect(gtCaseId).not.toBe(caseId);
    expect(await page.locator('.case-sub').innerText()).toContain('Guatemala');
    expect(await page.locator('.linked').innerText()).toContain('Recibido en traspaso desde');
    expect(await page.locator('.linked').innerText()).toContain(caseId);
    await screenshot(page, 'gt-case-opened');
    const gtView = (await (await page.request.get(`/api/cases/${gtCaseId}`)).json()) as CaseView;
    expect(gtView.case.country).toBe('GT');
    expect(gtView.protocol.id).toBe('child-repatriation-gt');

    // Back in Mexico, the handover reads accepted and the Guatemalan case is linked.
    await worker.page.reload();
    await worker.page.locator('.handover-list').waitFor();
    expect(await worker.page.locator('.handover-list').innerText()).toContain('Aceptado');
    expect(await worker.page.locator('.linked').innerText()).toContain(gtCaseId);
    await screenshot(worker.page, 'mx-handover-accepted');

    // The Mexican worklist lists the case, with its current step.
    await worker.page.getByRole('link', { name: 'Mis casos' }).click();
    const row = worker.page.locator('table.worklist tbody tr', { hasText: caseId });
    await row.waitFor();
    expect(await row.innerText()).toContain('Repatriación');
    await screenshot(worker.page, 'mx-worklist');
    await worker.context.close();
    await focal.context.close();
  }, 600_000);
  it('hands a case over by hand to Honduras, whose focal point declines it with a reason', async () => {
    // A case is handed over by hand only where its protocol allows it: the coordination stage.
    const caseId = await caseReadyForHandover(suite.stack.url, 'caseworker.mx', 'child-repatriation-mx');

    const worker = await loginAs(suite.browser, suite.stack.url, 'caseworker.mx');
    await worker.page.goto(`/cases/${encodeURIComponent(caseId)}`);
    const panel = worker.page.locator('.handover');
    await panel.getByRole('button', { name: 'Enviar traspaso' }).click();
    expect(await panel.locator('[role=alert]').innerText()).toBe('Elija el país que recibe el caso.');
    await panel.getByLabel('País que recibe').selectOption({ label: 'Honduras' });
    await panel.getByLabel('Nota para el punto focal').fill('Familia localizada en San Pedro Sula.');
    await panel.getByRole('button', { name: 'Enviar traspaso' }).click();
    await panel.locator('.handover-list', { hasText: 'México → Honduras' }).waitFor();
    expect(await panel.locator('.handover-list').innerText()).toContain('Pendiente');
    await screenshot(worker.page, 'mx-hands-over-to-hn');

    const focal = await loginAs(suite.browser, suite.stack.url, 'focalpoint.hn');
    await focal.page.getByRole('link', { name: 'Traspasos' }).click();
    const card = focal.page.locator('.handover-card', { hasText: caseId });
    await card.waitFor();
    expect(await card.innerText()).toContain('Familia localizada en San Pedro Sula.');
    await card.getByRole('button', { name: 'Rechazar' }).click();
    await card.getByRole('button', { name: 'Rechazar traspaso' }).click();
    expect(await card.locator('[role=alert]').innerText()).toBe('Escriba el motivo del rechazo.');
    await card.getByLabel('Motivo del rechazo').fill('La familia no reside en Honduras.');
    await card.getByRole('button', { name: 'Rechazar traspaso' }).click();
    await focal.page.locator('[role=status]', { hasText: 'Traspaso rechazado.' }).waitFor();
    await screenshot(focal.page, 'hn-declined');

    await worker.page.reload();
    await worker.page.locator('.handover-list', { hasText: 'Rechazado' }).waitFor();
    await worker.context.close();
    await focal.context.close();
  }, 600_000);
});
