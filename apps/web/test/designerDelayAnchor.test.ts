// The regional designer sees and edits what the child repatriation's 24-hour alert escalation
// (a delayed transition) and a follow-up visit's setDeadline count from, in the real app
// (FerretDB, the server, the built app, Debian's chromium): a wrong anchor saved in a draft is
// shown under its "counts from" choice, the Verification tab leads there, the fix and a new
// number of hours keep the anchor through saving and reloading, and the server's draft has it.
// Screenshots go to test-artifacts/designer-delay-anchor/.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { asList } from '@ruta/protocol';
import type { ProtocolFile, ResolvedProtocol } from '@ruta/protocol';
import type { Draft } from '../src/designer/api/designerApi.js';
import { apiAs } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('designer-delay-anchor');

const node = (page: Page, statePath: string) => page.locator(`.react-flow__node[data-id="${statePath}"]`);
/** The server verifies every save (the whole child repatriation chart): seconds on a busy machine. */
const SAVED = { timeout: 30_000 };
const ALERT = 'identification.protection.alert.pending';
const VISIT = 'followUp.visit';

/** Version 2 of the regional child repatriation as a draft, begun as the start page begins it, with `edit` made to its file. */
async function childDraft(edit: (file: ProtocolFile) => void) {
  const designer = await apiAs(suite.stack.url, 'designer.regional');
  const v1 = (await designer.get<ResolvedProtocol>('/api/protocols/child-repatriation/versions/1')).body;
  const { forms: _f, invariantsInForce: _i, base: _b, ...rest } = v1;
  const file: ProtocolFile = { ...rest, kind: 'protocol', version: 2 };
  edit(file);
  // One draft per version: a test after the first starts it again from version 1.
  const begun = (await designer.get<Draft[]>('/api/protocol-drafts')).body.find(
    (d) => d.file.id === 'child-repatriation' && d.file.version === 2,
  );
  if (begun) {
    const reset = await designer.put<Draft>(`/api/protocol-drafts/${begun.id}`, {
      file,
      expectedRevision: begun.revision,
    });
    expect(reset.status).toBe(200);
    return { designer, draftId: begun.id };
  }
  const made = await designer.post<Draft>('/api/protocol-drafts', { file });
  expect(made.status).toBe(201);
  return { designer, draftId: made.body.id };
}

/** The delayed transition of the 24-hour alert, through its step's list of outgoing transitions. */
async function openAlertWait(page: Page) {
  await node(page, ALERT).click();
  await page.locator('button[name="tab-properties"]').click();
  await page
    .locator('[data-testid=state-panel]')
    .getByRole('button', { name: /after:alert24h/ })
    .click();
  const editor = page.locator('[data-testid=transition-panel] [data-testid=delay-editor]');
  await editor.waitFor();
  return editor;
}

/** The params of the setDeadline of a follow-up visit recommending more follow-up, as stored. */
function visitDeadline(draft: Draft): unknown {
  const file = draft.file as ProtocolFile;
  const visit = file.machine.states.followUp?.states?.visit;
  const [continues] = asList(visit?.on?.VISIT_RECORDED);
  return continues?.actions?.find((a) => a.type === 'setDeadline')?.params;
}

describe('what a delay and a setDeadline count from, in the designer', () => {
  it('shows a wrong anchor at its delay, and keeps the fixed one and new hours through a reload', async () => {
    // Saved by someone through the API: the escalation counting from the alert it escalates.
    const { designer, draftId } = await childDraft((file) => {
      file.delays = { alert24h: { hours: 24, from: { field: 'cr-alert.sentAt' } } };
    });
    const { page } = await loginAs(suite.browser, suite.stack.url, 'designer.regional');
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`/designer/drafts/${encodeURIComponent(draftId)}`);
    await node(page, ALERT).waitFor();

    // The Verification tab names the problem and leads to the delayed transition, not to the form field.
    await page.locator('button[name="tab-verify"]').click();
    const problem = page.locator('[data-testid=verify-panel] li[data-code="deadline-anchor-not-recorded"]');
    await problem.waitFor({ timeout: 30_000 });
    expect(await problem.innerText()).toContain('«alert24h»');
    await problem.locator('button.dz-problem').click();
    const editor = page.locator('[data-testid=transition-panel] [data-testid=delay-editor]');
    await editor.waitFor();
    expect(await page.locator('[data-testid=form-builder]').count()).toBe(0);
    const from = editor.locator('select[name="delay-from"]');
    // The wrong choice still shows, with what is wrong with it right under it.
    expect(await from.inputValue()).toBe('cr-alert.sentAt');
    expect(await from.getAttribute('aria-invalid')).toBe('true');
    const said = editor.locator('[data-testid=anchor-problems]');
    expect(await said.innerText()).toContain('cuenta desde «cr-alert.sentAt»');
    expect(await said.innerText()).toContain('sin el formulario «cr-alert» guardado');
    // Offered: the step, and only the detection (recorded on every way to the alert).
    const options = await from.locator('option').allInnerTexts();
    expect(options[0]).toBe('La entrada en la etapa que lo espera');
    expect(options).toContain(
      'Detección y tamizaje con indicadores de sospecha › Fecha y hora de la detección (cr-detection.detectedAt)',
    );
    expect(options.filter((o) => o.includes('cr-arrival'))).toEqual([]);
    await suite.screenshot(page, 'wrong-anchor-shown-at-delay');

    // Fixed, then 12 hours instead of 24: the anchor stays.
    await from.selectOption('cr-detection.detectedAt');
    await expect.poll(() => said.count()).toBe(0);
    await editor.locator('input[name="delay-hours"]').fill('12');
    await page.locator('[data-save="saved"]').waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => (await designer.get<Draft>(`/api/protocol-drafts/${draftId}`)).body.file, SAVED)
      .toMatchObject({ delays: { alert24h: { hours: 12, from: { field: 'cr-detection.detectedAt' } } } });

    // Reloaded, the delay still counts from the detection, 12 hours; the protocol panel says so too.
    await page.reload();
    await node(page, ALERT).waitFor();
    const again = await openAlertWait(page);
    expect(await again.locator('select[name="delay-from"]').inputValue()).toBe('cr-detection.detectedAt');
    expect(await again.locator('input[name="delay-hours"]').inputValue()).toBe('12');
    await suite.screenshot(page, 'delay-anchor-kept');
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    const protocolPanel = page.locator('[data-testid=protocol-panel]');
    await protocolPanel.waitFor();
    expect(await protocolPanel.locator('select[name="delay-from-alert24h"]').inputValue()).toBe(
      'cr-detection.detectedAt',
    );

    // Counting from the step removes the anchor from the stored draft; nothing else of the delay changes.
    const wait = await openAlertWait(page);
    await wait.locator('select[name="delay-from"]').selectOption('');
    await expect
      .poll(
        async () =>
          ((await designer.get<Draft>(`/api/protocol-drafts/${draftId}`)).body.file as ProtocolFile).delays,
        SAVED,
      )
      .toEqual({ alert24h: { hours: 12 } });
    await page.context().close();
  }, 180_000);

  it("makes a follow-up visit's next deadline count from the reception, and keeps it", async () => {
    const { designer, draftId } = await childDraft(() => undefined);
    const { page } = await loginAs(suite.browser, suite.stack.url, 'designer.regional');
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`/designer/drafts/${encodeURIComponent(draftId)}`);
    await node(page, VISIT).click();
    await page.locator('button[name="tab-properties"]').click();
    await page
      .locator('[data-testid=state-panel]')
      .getByRole('button', { name: /^Registrar visita de seguimiento/ })
      .first()
      .click();
    const panel = page.locator('[data-testid=transition-panel]');
    const from = panel.locator('select[name="deadline-from"]');
    await from.waitFor();
    expect(await from.inputValue()).toBe('');
    // Only the reception is recorded on every way to a follow-up visit.
    expect((await from.locator('option').allInnerTexts()).slice(1)).toEqual([
      expect.stringMatching(/› .* \(cr-reception\.receivedAt\)$/),
    ]);
    await from.selectOption('cr-reception.receivedAt');
    await page.locator('[data-save="saved"]').waitFor({ timeout: 30_000 });
    await expect
      .poll(
        async () => visitDeadline((await designer.get<Draft>(`/api/protocol-drafts/${draftId}`)).body),
        SAVED,
      )
      .toEqual({
        name: 'next-follow-up-visit',
        hours: 2160,
        title: { es: 'Próxima visita de seguimiento (90 días)', en: 'Next follow-up visit (90 days)' },
        from: { field: 'cr-reception.receivedAt' },
      });

    await page.reload();
    await node(page, VISIT).click();
    await page
      .locator('[data-testid=state-panel]')
      .getByRole('button', { name: /^Registrar visita de seguimiento/ })
      .first()
      .click();
    await expect
      .poll(() => panel.locator('select[name="deadline-from"]').inputValue(), SAVED)
      .toBe('cr-reception.receivedAt');
    await suite.screenshot(page, 'set-deadline-anchor-kept');
    await page.context().close();
  }, 180_000);
});
