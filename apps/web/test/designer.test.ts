// The protocol designer on the real stack (FerretDB, the server with the demo users, the built app,
// Debian's chromium): Honduras's designer derives a variant of voluntary return, adds a step with
// a new form field and a guard, sees verification fail for the unreachable step, fixes it and
// publishes; a Honduran case worker runs a case through the new version; the comparison shows
// exactly those changes. Screenshots go to test-artifacts/designer-e2e/.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ProtocolDiff, ResolvedProtocol } from '@ruta/protocol';
import type { CaseView } from '../src/api/types.js';
import { apiAs, driveCase } from './helpers/apiDriver.js';
import { loginAs, type Session } from './helpers/session.js';
import { browserSuite } from './helpers/browserSuite.js';

const STEP = 'verificacionDinaf';
const FORM = 'hn-verificacion-dinaf';
const EVENT = 'REGISTRAR_VERIFICACION_DINAF';

const suite = browserSuite('designer-e2e');
const screenshot = (page: Page, label: string) => suite.screenshot(page, label);

/** Types into an input the way a person does (each keystroke is an edit). */
async function type(locator: Locator, text: string) {
  await locator.fill('');
  await locator.pressSequentially(text, { delay: 5 });
}

const node = (page: Page, statePath: string) => page.locator(`.react-flow__node[data-id="${statePath}"]`);

async function openTab(page: Page, tab: 'properties' | 'form' | 'verify' | 'simulate' | 'changes') {
  await page.locator(`button[name="tab-${tab}"]`).click();
}

/** The verdict once the verifier has run on the latest edit, with the errors listed (for the failure message). */
async function verdict(page: Page): Promise<string> {
  await openTab(page, 'verify');
  const p = page.locator('[data-testid=verify-panel]');
  await expect
    .poll(async () => (await p.count()) === 1 && (await p.getAttribute('aria-busy')) !== 'true', {
      timeout: 20_000,
    })
    .toBe(true);
  const errors = await p.locator('.dz-problems li.is-error').allInnerTexts();
  return `${(await p.locator('[data-verdict]').getAttribute('data-verdict')) ?? ''}${errors.length ? `: ${errors.join(' | ')}` : ''}`;
}

describe('a national protocol designer in Honduras', () => {
  let designer: Session;
  let draftUrl = '';

  it('derives a Honduras variant of voluntary return, adds a verified step with a form field and a guard, and publishes it', async () => {
    designer = await loginAs(suite.browser, suite.stack.url, 'designer.hn');
    const { page } = designer;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/designer');
    await page.locator('[data-testid=designer-list]').waitFor();
    await screenshot(page, 'protocol-list');

    await page.locator('button[name="derive-voluntary-return"]').click();
    await page.waitForURL(/\/designer\/drafts\//);
    draftUrl = page.url();
    await node(page, 'preparation').waitFor();
    expect(await page.locator('.dz-editor-title').innerText()).toContain('voluntary-return-hn@1');
    expect(await verdict(page)).toBe('pass');
    await screenshot(page, 'variant-draft-opened');

    // A new step, titled in both languages, with its institution, legal basis and who acts.
    await page.locator('button[name="add-state"]').click();
    await openTab(page, 'properties');
    const state = page.locator('[data-testid=state-panel]');
    await state.waitFor();
    await type(state.locator('[name="state-title-es"]'), 'Verificación DINAF');
    await type(state.locator('[name="state-title-en"]'), 'DINAF check');
    await type(state.locator('[name="state-key"]'), STEP);
    await state.locator('[name="state-key"]').press('Enter');
    await type(state.locator('[name="state-institution-es"]'), 'DINAF');
    await type(state.locator('[name="state-institution-en"]'), 'DINAF (child and family directorate)');
    // Undo and redo over the last keystrokes of the institution: one step each way.
    await page.locator('button[name="undo"]').click();
    expect(await state.locator('[name="state-institution-en"]').inputValue()).toBe('');
    await page.keyboard.press('Control+Shift+Z');
    expect(await state.locator('[name="state-institution-en"]').inputValue()).toBe(
      'DINAF (child and family directorate)',
    );
    await state.getByRole('button', { name: 'Añadir referencia' }).click();
    await type(state.locator('[name="legal-clause-0"]'), '37');
    await type(
      state.locator('[name="legal-law-0"]'),
      'Ley contra la Trata de Personas (Decreto 59-2012), art. 41',
    );
    await state.getByLabel('Gestión de casos').check();
    await type(state.locator('[name="state-deadline"]'), '48');
    await expect.poll(() => node(page, STEP).innerText()).toContain('Verificación DINAF');

    // Its form: one yes/no question, required.
    await state.locator('button[name="new-form"]').click();
    const builder = page.locator('[data-testid=form-builder]');
    await builder.waitFor();
    await builder.locator('select[name="field-kind"]').selectOption('yesNo');
    await builder.locator('button[name="add-field"]').click();
    const field = builder.locator('[data-testid=field-editor]');
    await type(field.locator('[name="field-label-es"]'), '¿Se notificó a la DINAF?');
    await type(field.locator('[name="field-label-en"]'), 'Was DINAF notified?');
    await type(field.locator('[name="field-key"]'), 'dinafNotified');
    await field.locator('[name="field-key"]').press('Enter');
    await field.locator('[name="field-required"]').check();
    const preview = page.locator('[data-testid=form-preview] .step-form');
    await expect.poll(() => preview.innerText()).toContain('¿Se notificó a la DINAF?');
    expect(await preview.innerText()).not.toContain('Campo nuevo');
    await screenshot(page, 'new-step-and-its-form');

    // Nothing leads to the new step yet: the verifier says so in Spanish, with what to do, and the
    // problem selects it.
    expect(await verdict(page)).toMatch(/^fail/);
    const unreachable = page.locator('[data-testid=verify-panel] li[data-code="unreachable-state"]');
    expect(await unreachable.innerText()).toContain(
      `Ningún caso puede llegar nunca a «Verificación DINAF» (${STEP})`,
    );
    expect(await unreachable.locator('.dz-hint').innerText()).toContain(
      'Añada una transición hacia esta etapa',
    );
    await screenshot(page, 'verification-fails-unreachable');
    await unreachable.locator('button').click();
    await expect
      .poll(() => page.locator('[data-testid=state-panel] h2').innerText())
      .toContain('Verificación DINAF');

    // Connect it: from the new step to reintegration, on a new action guarded by the answer.
    await state.locator('select[name="connect-target"]').selectOption('reintegration');
    await state.locator('select[name="event"]').selectOption('__new__');
    await type(state.locator('[name="new-event-title-es"]'), 'Registrar verificación DINAF');
    await type(state.locator('[name="new-event-title-en"]'), 'Record DINAF check');
    await state.locator('button[name="create-event"]').click();
    const transition = page.locator('[data-testid=transition-panel]');
    await transition.waitFor();
    await transition.getByRole('button', { name: '+ Regla' }).click();
    const rule = transition.locator('.rule').first();
    await rule.locator('select.rule-fields').selectOption('form.dinafNotified');
    await rule.locator('select.rule-value').selectOption('true');
    await type(transition.locator('[name="guard-description-es"]'), 'La DINAF fue notificada');
    await type(transition.locator('[name="guard-description-en"]'), 'DINAF was notified');
    await screenshot(page, 'guard-built');

    // And send reception's step to it instead of straight to reintegration.
    await node(page, 'reception').click();
    await page
      .locator('[data-testid=state-panel]')
      .getByRole('button', { name: /Registrar recepción/ })
      .click();
    await transition.locator('select[name="transition-target"]').selectOption(STEP);
    expect(await verdict(page)).toBe('pass');
    expect(await page.locator('[data-testid=verify-panel] .dz-invariants .is-fail').count()).toBe(0);
    await screenshot(page, 'verification-passes');

    // What the variant changes, in plain words.
    await openTab(page, 'changes');
    const changes = await page.locator('[data-testid=variant-changes] li').allInnerTexts();
    expect(changes.join('\n')).toContain('Añade la etapa «Verificación DINAF»');
    await screenshot(page, 'variant-changes');

    await page.locator('button[name="publish"]').click();
    const published = page.locator('[data-testid=published]');
    const refused = page.locator('[data-testid=publish-refused]');
    await Promise.race([published.waitFor({ timeout: 60_000 }), refused.waitFor({ timeout: 60_000 })]);
    if (await refused.count()) {
      await screenshot(page, 'publish-refused');
      throw new Error(`publishing was refused: ${await refused.innerText()}`);
    }
    expect(await page.locator('h1').innerText()).toContain('voluntary-return-hn@1');
    await screenshot(page, 'published');
    expect(errors).toEqual([]);
  }, 300_000);

  it('a Honduran case worker runs a case through the new version, stopping at the DINAF check', async () => {
    const worker = await loginAs(suite.browser, suite.stack.url, 'caseworker.hn');
    const { page } = worker;
    await page.locator('#open-protocol').selectOption('voluntary-return-hn@1');
    await page.getByRole('button', { name: 'Abrir caso' }).click();
    await page.waitForURL(/\/cases\//);
    const caseId = decodeURIComponent(page.url().split('/cases/')[1]!);

    // Up to the new step over the API: intake, consent, risk, travel, reception.
    const atCheck = await driveCase(suite.stack.url, caseId, 'HN', (v) =>
      v.state.active.some((s) => s.path === STEP),
    );
    expect(atCheck.available.find((a) => a.event === EVENT)?.form).toBe(FORM);
    await page.goto(`/cases/${encodeURIComponent(caseId)}`);
    const step = page.locator('section.step-panel').filter({ hasText: '¿Se notificó a la DINAF?' });
    await step.waitFor();
    expect(await step.innerText()).not.toContain('Campo nuevo');
    await screenshot(page, 'case-at-dinaf-check');

    // The guard holds only with "yes": the action goes through and the case moves on to reintegration.
    await step.getByLabel('Sí').check();
    await page.getByRole('button', { name: 'Registrar verificación DINAF', exact: true }).click();
    await page.locator('[role=status]', { hasText: 'Hecho:' }).waitFor({ timeout: 20_000 });
    const res = await page.request.get(`/api/cases/${encodeURIComponent(caseId)}`);
    const view = (await res.json()) as CaseView;
    expect(view.protocol).toMatchObject({ id: 'voluntary-return-hn', version: 1 });
    expect(view.state.active.map((s) => s.path)).toContain('reintegration');
    expect(view.case.data[FORM]).toEqual({ dinafNotified: true });
    await screenshot(page, 'case-moved-to-reintegration');
  }, 300_000);

  it('the comparison with the regional base shows exactly those changes, on both charts and in the list', async () => {
    const { page } = designer;
    await page.goto('/designer/diff?a=voluntary-return%401&b=voluntary-return-hn%401');
    const view = page.locator('[data-testid=diff-view]');
    await view.locator('[data-testid=diff-list]').waitFor();
    const api = await page.request.get('/api/protocols/diff?a=voluntary-return@1&b=voluntary-return-hn@1');
    const diff = (await api.json()) as ProtocolDiff;
    expect(diff.states).toEqual({
      added: [{ path: STEP, title: { es: 'Verificación DINAF', en: 'DINAF check' } }],
      removed: [],
      changed: [],
    });
    expect(diff.transitions.added.map((t) => `${t.source}|${t.event}`)).toEqual([`${STEP}|${EVENT}`]);
    expect(diff.transitions.removed).toEqual([]);
    expect(diff.transitions.changed.map((t) => [`${t.source}|${t.event}`, t.changes])).toEqual([
      ['reception|RECEPTION_RECORDED', ['target']],
    ]);
    expect(diff.forms).toEqual({ added: [FORM], removed: [], changed: [] });
    expect(diff.events.added).toEqual([EVENT]);
    expect(diff.guards.added).toHaveLength(1);

    // On the charts: the new step added on the right; the retargeted transition changed on both.
    const [left, right] = [view.locator('figure').nth(0), view.locator('figure').nth(1)];
    await right.locator(`.react-flow__node[data-id="${STEP}"] .is-added`).waitFor();
    expect(await left.locator(`.react-flow__node[data-id="${STEP}"]`).count()).toBe(0);
    expect(await right.locator('.dz-edge-label.is-changed').count()).toBe(1);
    expect(await left.locator('.dz-edge-label.is-changed').count()).toBe(1);
    expect(await right.locator('.dz-edge-label.is-added').count()).toBe(1);
    expect(await view.locator('.react-flow__node .is-removed').count()).toBe(0);
    // In the list: one added step, one added and one changed transition, one added form.
    const list = view.locator('[data-testid=diff-list]');
    expect(await list.locator(`[data-diff="state:${STEP}"]`).innerText()).toContain('Añadido');
    expect(await list.locator('[data-diff^="state:"]').count()).toBe(1);
    expect(await list.locator('[data-diff^="transition:"]').count()).toBe(2);
    expect(await list.locator(`[data-diff="form:${FORM}"]`).count()).toBe(1);
    await screenshot(page, 'diff-with-regional-base');

    // The published version is the one the case ran under, and it is immutable.
    const published = (await (
      await page.request.get('/api/protocols/voluntary-return-hn/versions/1')
    ).json()) as ResolvedProtocol;
    expect(published.base).toBe('voluntary-return@1');
    expect(Object.keys(published.forms)).toContain(FORM);
    expect(draftUrl).toMatch(/\/designer\/drafts\//);
  }, 120_000);

  it('is told, and overwrites nothing, when someone else saved the draft meanwhile', async () => {
    const { page } = designer;
    await page.goto('/designer');
    await page.locator('button[name="derive-victim-attention"]').click();
    await page.waitForURL(/\/designer\/drafts\//);
    const draftId = decodeURIComponent(page.url().split('/drafts/')[1]!);
    await page.locator('[data-testid=designer-editor] .react-flow__node').first().waitFor();

    // A colleague with the same account saves a version of their own: they read the draft and save
    // it with its revision, reading again should the save be refused because it changed meanwhile.
    const other = await apiAs(suite.stack.url, 'designer.hn');
    const login = await fetch(`${suite.stack.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'designer.hn', password: 'ruta-demo' }),
    });
    const { token } = (await login.json()) as { token: string };
    let put: Response | undefined;
    for (let attempt = 0; attempt < 3 && put?.status !== 200; attempt++) {
      const current = (
        await other.get<{ file: { title: { es: string; en: string } }; revision: number }>(
          `/api/protocol-drafts/${draftId}`,
        )
      ).body;
      const theirs = {
        ...current.file,
        title: { es: 'Versión de otra persona', en: "Someone else's version" },
      };
      put = await fetch(`${suite.stack.url}/api/protocol-drafts/${draftId}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ file: theirs, expectedRevision: current.revision }),
      });
    }
    expect(put!.status, await put!.text()).toBe(200);

    // This designer keeps typing: the save is refused with a message, and nothing is overwritten.
    await openTab(page, 'properties');
    await type(page.locator('[name="protocol-title-es"]'), 'Mi versión');
    const conflict = page.locator('[data-save="conflict"]');
    await conflict.waitFor({ timeout: 20_000 });
    expect(await conflict.innerText()).toContain('Otra persona guardó este borrador');
    await screenshot(page, 'save-conflict');
    const stored = (await other.get<{ file: { title: { es: string } } }>(`/api/protocol-drafts/${draftId}`))
      .body;
    expect(stored.file.title.es).toBe('Versión de otra persona');

    // Reloading shows the colleague's version.
    await conflict.getByRole('button', { name: 'Recargar el borrador' }).click();
    await expect
      .poll(() => page.locator('.dz-editor-title').innerText(), { timeout: 20_000 })
      .toContain('Versión de otra persona');
  }, 120_000);
});
