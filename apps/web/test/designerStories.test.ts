// The designer's pieces in a real browser, through their Storybook stories (built from the shipped
// protocols): the simulator steps a case and shows each guard with the values it read, the editor
// undoes and redoes from the keyboard, the guard builder writes JSON Logic, the form builder's
// conditional field appears in the live preview only when its condition holds.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildStorybook } from './helpers/buildOnce.js';
import { launchChromium } from './helpers/chromium.js';
import { ARTIFACTS } from './helpers/paths.js';
import { serveStatic } from './helpers/staticServer.js';

const SHOTS = path.join(ARTIFACTS, 'designer-stories');
let browser: Browser;
let closeBrowser: () => Promise<void>;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  server = await serveStatic(buildStorybook());
  ({ browser, close: closeBrowser } = await launchChromium());
  mkdirSync(SHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
});

/** A story on a page of its own; fails the test on any page error. */
async function story(id: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${server.url}/iframe.html?id=${id}&viewMode=story`);
  return { page, errors };
}

describe('the simulator', () => {
  it('steps the shipped voluntary return with the sample submissions and shows what each guard read', async () => {
    const { page, errors } = await story('designer-simulator--voluntary-return');
    const sim = page.locator('[data-testid=simulator]');
    await sim.waitFor();
    const send = async (event: string) => {
      await sim.locator(`button[name="sim-event-${event}"]`).click();
      await sim.locator('button[name="sim-send"]').click();
      await expect.poll(() => sim.locator('[data-testid=sim-history] li').count()).toBeGreaterThan(0);
    };
    await page.locator('select[name="sim-role"]').selectOption('caseworker');
    await send('REFER');
    await send('REQUEST_RETURN');
    expect(await sim.locator('[data-testid=sim-state]').innerText()).toContain('Consentimiento informado');

    await sim.locator('button[name="sim-event-CONSENT_RECORDED"]').click();
    const checks = sim.locator('[data-testid=guard-checks] > li');
    await expect.poll(() => checks.count()).toBe(2);
    expect(await checks.nth(0).getAttribute('data-guard')).toBe('consentGiven');
    expect(await checks.nth(0).getAttribute('data-result')).toBe('true');
    expect(await checks.nth(0).innerText()).toContain('form.decision = "consents"');
    expect(await checks.nth(1).getAttribute('data-result')).toBe('false');
    await page.screenshot({ path: path.join(SHOTS, 'simulator-guards.png'), fullPage: true });

    // The other sample: the person needs more time, so the second guard holds instead.
    await sim.locator('select[name="sim-example"]').selectOption('1');
    await expect.poll(() => checks.nth(0).getAttribute('data-result')).toBe('false');
    expect(await checks.nth(1).getAttribute('data-result')).toBe('true');
    await sim.locator('button[name="sim-send"]').click();
    await expect.poll(() => sim.locator('[data-testid=sim-state]').innerText()).toContain('Protección');
    expect(await sim.locator('[data-testid=sim-history] li').count()).toBe(3);
    expect(errors).toEqual([]);
  }, 120_000);
});

describe('the editor', () => {
  it('adds a state, and undoes and redoes it from the keyboard and the buttons', async () => {
    const { page, errors } = await story('designer-editorview--honduras-variant');
    const nodes = page.locator('.react-flow__node');
    await nodes.first().waitFor();
    const before = await nodes.count();
    await page.locator('button[name="add-state"]').click();
    await expect.poll(() => nodes.count()).toBe(before + 1);
    expect(await page.locator('[data-testid=state-panel] h2').innerText()).toContain('Nueva etapa');
    await page.locator('[data-testid=designer-editor] .react-flow__pane').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodes.count()).toBe(before);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => nodes.count()).toBe(before + 1);
    await page.locator('button[name="undo"]').click();
    await expect.poll(() => nodes.count()).toBe(before);
    await page.locator('button[name="redo"]').click();
    await expect.poll(() => nodes.count()).toBe(before + 1);
    // Deleting the selected state with the Delete key, undoable too.
    await page.locator('.react-flow__node[data-id="reception"]').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.react-flow__node[data-id="reception"]').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.react-flow__node[data-id="reception"]').count()).toBe(1);
    expect(errors).toEqual([]);
  }, 120_000);
});

describe('the guard builder', () => {
  it('writes JSON Logic from pickers, with values typed as their field', async () => {
    const { page, errors } = await story('designer-guardbuilder--new-on-risk-assessment');
    const builder = page.locator('[data-testid=guard-builder]');
    await builder.waitFor();
    await builder.getByRole('button', { name: '+ Regla' }).click();
    const rule = builder.locator('.rule').first();
    await rule.locator('select.rule-fields').selectOption('form.personInformedOfRisks');
    await rule.locator('select.rule-value').selectOption('true');
    await expect
      .poll(() => page.locator('[data-testid=logic]').innerText())
      .toBe('{"==":[{"var":"form.personInformedOfRisks"},true]}');
    // Operators fit the field: a single choice offers "is one of", a yes/no does not.
    expect(await rule.locator('select.rule-operators option').allInnerTexts()).toEqual(['es igual a']);
    await rule.locator('select.rule-fields').selectOption('form.riskLevel');
    expect(await rule.locator('select.rule-operators option').allInnerTexts()).toContain('es uno de');
    await page.screenshot({ path: path.join(SHOTS, 'guard-builder.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 120_000);
});

describe('the form builder', () => {
  it('shows a field in the live preview only when the answer it depends on is given', async () => {
    const { page, errors } = await story('designer-formbuilder--consent');
    const builder = page.locator('[data-testid=form-builder]');
    await builder.waitFor();
    await builder.locator('li[data-field="interpreterIndependent"] button.dz-link').first().click();
    const label = (await builder.locator('#dz-field-heading').innerText()).split(': ').slice(1).join(': ');
    await builder.locator('select[name="visible-when-field"]').selectOption('interpreterUsed');
    const preview = page.locator('[data-testid=form-preview] .step-form');
    // The first sample used no interpreter: the question is not asked.
    await expect.poll(() => preview.innerText()).not.toContain(label);
    // rjsf's yes/no radios: the first is "Sí".
    await preview.locator('input[type=radio][name$="_interpreterUsed"]').first().check();
    await expect.poll(() => preview.innerText()).toContain(label);
    await page.screenshot({ path: path.join(SHOTS, 'form-builder-conditional.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 120_000);
});
