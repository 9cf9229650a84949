// A regional designer edits a form of a regional protocol's next version in the real app
// (FerretDB, the server, the built app, Debian's chromium): the edit is saved with the draft,
// survives a reload, and is published embedded in the new version, a form version up, while
// version 1 keeps the form its cases ran with. Screenshots go to test-artifacts/designer-forms/.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ResolvedProtocol } from '@ruta/protocol';
import { apiAs } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('designer-forms');
const FORM = 'vr-risk-assessment';

async function type(locator: Locator, text: string) {
  await locator.fill('');
  await locator.pressSequentially(text, { delay: 5 });
}

const node = (page: Page, statePath: string) => page.locator(`.react-flow__node[data-id="${statePath}"]`);

describe('a regional protocol designer', () => {
  it('adds a field to a form of voluntary return version 2, and publishes it', async () => {
    const { stack, browser, screenshot } = suite;
    const { page } = await loginAs(browser, stack.url, 'designer.regional');
    // A designer lands on the designer, and is offered no page of cases or accounts.
    await page.waitForURL(/\/designer$/);
    const nav = page.getByRole('navigation', { name: 'Principal' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Estadísticas', 'Diseñador de protocolos']);
    await page
      .locator('.dz-card[data-protocol="voluntary-return"]')
      .getByRole('button', { name: 'Borrador de la versión 2' })
      .click();
    await page.waitForURL(/\/designer\/drafts\//);
    const draftUrl = page.url();

    await node(page, 'preparation.riskAssessment').click();
    await page.locator('button[name="tab-properties"]').click();
    await page
      .locator('[data-testid=state-panel]')
      .getByRole('button', { name: 'Editar formulario' })
      .click();
    const builder = page.locator('[data-testid=form-builder]');
    await builder.waitFor();
    expect(await builder.locator('fieldset').first().isDisabled()).toBe(false);
    await builder.locator('select[name="field-kind"]').selectOption('shortText');
    await builder.locator('button[name="add-field"]').click();
    const field = builder.locator('[data-testid=field-editor]');
    await type(field.locator('[name="field-label-es"]'), 'Nombre del intérprete');
    await type(field.locator('[name="field-label-en"]'), 'Interpreter’s name');
    await type(field.locator('[name="field-key"]'), 'interpreterName');
    await field.locator('[name="field-key"]').press('Enter');
    const preview = page.locator('[data-testid=form-preview] .step-form');
    await expect.poll(() => preview.innerText()).toContain('Nombre del intérprete');
    await expect
      .poll(() => page.locator('.dz-save').getAttribute('data-save'), { timeout: 15_000 })
      .toBe('saved');
    await screenshot(page, 'field-added');

    // Saved with the draft: a reload shows it.
    await page.goto(draftUrl);
    await node(page, 'preparation.riskAssessment').click();
    await page.locator('button[name="tab-properties"]').click();
    await page
      .locator('[data-testid=state-panel]')
      .getByRole('button', { name: 'Editar formulario' })
      .click();
    await expect
      .poll(() => page.locator('[data-testid=form-preview] .step-form').innerText())
      .toContain('Nombre del intérprete');

    await page.locator('button[name="publish"]').click();
    await page.locator('[data-testid=published]').waitFor({ timeout: 30_000 });
    await screenshot(page, 'published');

    const api = await apiAs(stack.url, 'designer.regional');
    const v1 = (await api.get<ResolvedProtocol>('/api/protocols/voluntary-return/versions/1')).body;
    const v2 = (await api.get<ResolvedProtocol>('/api/protocols/voluntary-return/versions/2')).body;
    expect(v2.forms[FORM]!.schema.properties).toHaveProperty('interpreterName');
    expect(v2.forms[FORM]!.version).toBe(v1.forms[FORM]!.version + 1);
    expect(v1.forms[FORM]!.schema.properties).not.toHaveProperty('interpreterName');
  });
});
