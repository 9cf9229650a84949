// A national designer makes the child repatriation's 24-hour alert escalation (a delay) and the
// consular notification's deadline count from the step again, where the regional base counts
// them from the detection, in the real app (FerretDB, the server, the built app, Debian's
// chromium): each chooser says what the base counts from, the list of changes says so with no
// warning, the server's draft stores `"from": null`, and both choices survive a reload.
// Screenshots go to test-artifacts/designer-variant-anchor/.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { VariantFile } from '@ruta/protocol';
import type { Draft } from '../src/designer/api/designerApi.js';
import { apiAs } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('designer-variant-anchor');

const node = (page: Page, statePath: string) => page.locator(`.react-flow__node[data-id="${statePath}"]`);
/** The server verifies every save (the whole child repatriation chart): seconds on a busy machine. */
const SAVED = { timeout: 30_000 };
const ALERT = 'identification.protection.alert.pending';
const CONSULAR = 'identification.protection.consular.pending';
const DETECTION =
  'Detección y tamizaje con indicadores de sospecha › Fecha y hora de la detección (cr-detection.detectedAt)';

async function openState(page: Page, path: string) {
  await node(page, path).click();
  await page.locator('button[name="tab-properties"]').click();
  const panel = page.locator('[data-testid=state-panel]');
  await panel.waitFor();
  return panel;
}

/** The delayed transition of the 24-hour alert, through its step's list of outgoing transitions. */
async function openAlertWait(page: Page) {
  const panel = await openState(page, ALERT);
  await panel.getByRole('button', { name: /after:alert24h/ }).click();
  const editor = page.locator('[data-testid=transition-panel] [data-testid=delay-editor]');
  await editor.waitFor();
  return editor;
}

describe('a national variant counting a base deadline and delay from the step', () => {
  it('drops the detection as their start, lists it without a warning, and keeps it through a reload', async () => {
    const designer = await apiAs(suite.stack.url, 'designer.hn');
    const { page } = await loginAs(suite.browser, suite.stack.url, 'designer.hn');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto('/designer');
    await page.locator('button[name="derive-child-repatriation"]').click();
    await page.waitForURL(/\/designer\/drafts\//);
    const draftId = decodeURIComponent(page.url().split('/designer/drafts/')[1]!);
    await node(page, ALERT).waitFor();

    // The escalation waits 24 hours from the detection in the base; the Honduran one from the step.
    const wait = await openAlertWait(page);
    const delayFrom = wait.locator('select[name="delay-from"]');
    expect(await delayFrom.inputValue()).toBe('cr-detection.detectedAt');
    await delayFrom.selectOption('');
    // The chooser still says what the base counts from (and is described by it).
    expect(await wait.locator('[data-testid=anchor-base]').innerText()).toBe(
      `En el protocolo base cuenta desde ${DETECTION}.`,
    );
    expect(await delayFrom.getAttribute('aria-describedby')).toBe('delay-from-base');
    // So does the consular notification's deadline.
    const consular = await openState(page, CONSULAR);
    const deadlineFrom = consular.locator('select[name="state-deadline-from"]');
    expect(await deadlineFrom.inputValue()).toBe('cr-detection.detectedAt');
    await deadlineFrom.selectOption('');
    expect(await consular.locator('[data-testid=anchor-base]').innerText()).toBe(
      `En el protocolo base cuenta desde ${DETECTION}.`,
    );
    await suite.screenshot(page, 'deadline-chooser-counts-from-the-step');

    // The list of changes says what each counts from now and what the base counted from; nothing is refused.
    await page.locator('button[name="tab-changes"]').click();
    const changes = page.locator('[data-testid=variant-changes]');
    await changes.waitFor();
    expect(await changes.locator('[role=alert]').count()).toBe(0);
    const lines = await changes.locator('li').allInnerTexts();
    expect(lines).toContain(
      `Pone el plazo automático alert24h en 24 h desde la entrada en la etapa que lo espera (la base cuenta desde ${DETECTION})`,
    );
    expect(lines.join('\n')).toMatch(
      new RegExp(
        `cambia: plazo 72 h desde la entrada en la etapa \\(la base cuenta desde ${DETECTION.replace(/[()›]/g, '.')}\\)`,
      ),
    );
    await suite.screenshot(page, 'changes-count-from-the-step');

    // The server's draft holds both as "from": null.
    await page.locator('[data-save="saved"]').waitFor({ timeout: 30_000 });
    await expect
      .poll(
        async () =>
          ((await designer.get<Draft>(`/api/protocol-drafts/${draftId}`)).body.file as VariantFile).changes,
        SAVED,
      )
      .toEqual(
        expect.arrayContaining([
          { op: 'setDelay', name: 'alert24h', delay: { hours: 24, from: null } },
          { op: 'setStateMeta', path: CONSULAR, meta: { deadline: { hours: 72, from: null } } },
        ]),
      );

    // Reloaded, both count from the step; the verifier finds nothing wrong with either.
    await page.reload();
    await node(page, ALERT).waitFor();
    expect(await (await openAlertWait(page)).locator('select[name="delay-from"]').inputValue()).toBe('');
    expect(
      await (await openState(page, CONSULAR)).locator('select[name="state-deadline-from"]').inputValue(),
    ).toBe('');
    await page.locator('button[name="tab-verify"]').click();
    const verify = page.locator('[data-testid=verify-panel]');
    await expect
      .poll(
        async () => (await verify.count()) === 1 && (await verify.getAttribute('aria-busy')) !== 'true',
        SAVED,
      )
      .toBe(true);
    expect(await verify.locator('li[data-code^="change-"], li[data-code^="deadline-anchor"]').count()).toBe(
      0,
    );
    await suite.screenshot(page, 'reloaded-counting-from-the-step');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);
});
