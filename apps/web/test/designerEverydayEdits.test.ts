// What a protocol designer met in everyday use of the designer, on the real stack (FerretDB, the
// server with the demo users, the built app, Debian's chromium): opening a version's draft twice,
// renaming a choice, an empty section, a save that fails before a reload, a very long key, and
// moving through the chart with the keyboard. Screenshots go to test-artifacts/designer-everyday/.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('designer-everyday');

const node = (page: Page, statePath: string) => page.locator(`.react-flow__node[data-id="${statePath}"]`);

/** Whether the page would have the browser ask before a reload or closing the tab. */
const holdsUnload = (page: Page) =>
  page.evaluate(() => {
    const e = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(e);
    return e.defaultPrevented;
  });

async function openVoluntaryReturnDraft(page: Page) {
  await page.goto('/designer');
  const card = page.locator('.dz-card[data-protocol="voluntary-return"]');
  await card.waitFor();
  const open = card.locator('a[data-open-draft="voluntary-return@2"]');
  if ((await open.count()) > 0) await open.click();
  else await card.getByRole('button', { name: 'Borrador de la versión 2' }).click();
  await page.waitForURL(/\/designer\/drafts\//);
  await node(page, 'intake').waitFor();
}

/** The regional designer in the draft of voluntary return 2, building a new form for "arrival". */
async function newFormOnArrival() {
  const { page } = await loginAs(suite.browser, suite.stack.url, 'designer.regional');
  await openVoluntaryReturnDraft(page);
  await node(page, 'arrival').click();
  await page.locator('button[name="tab-properties"]').click();
  await page.locator('[data-testid=state-panel] button[name="new-form"]').click();
  const builder = page.locator('[data-testid=form-builder]');
  await builder.waitFor();
  return { page, builder };
}

describe('a regional protocol designer, day to day', () => {
  it('goes back to the draft of a version already begun instead of starting a second one', async () => {
    const { page } = await loginAs(suite.browser, suite.stack.url, 'designer.regional');
    await page.goto('/designer');
    await page.locator('[data-testid=designer-list]').waitFor();
    // A regional designer derives no national variant: no country to choose for one.
    expect(await page.locator('select[name="variant-country"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Derivar variante/ }).count()).toBe(0);

    await page
      .locator('.dz-card[data-protocol="voluntary-return"]')
      .getByRole('button', { name: 'Borrador de la versión 2' })
      .click();
    await page.waitForURL(/\/designer\/drafts\//);
    const first = page.url();
    await node(page, 'intake').waitFor();

    await page.goto('/designer');
    const card = page.locator('.dz-card[data-protocol="voluntary-return"]');
    await card.locator('a[data-open-draft]').waitFor();
    expect(await card.getByRole('button', { name: 'Borrador de la versión 2' }).count()).toBe(0);
    expect(await card.locator('a[data-open-draft]').innerText()).toBe(
      'Seguir con el borrador de la versión 2',
    );
    await suite.screenshot(page, 'list-with-draft-begun');
    await card.locator('a[data-open-draft]').click();
    await page.waitForURL(/\/designer\/drafts\//);
    expect(page.url()).toBe(first);

    const designer = await apiAs(suite.stack.url, 'designer.regional');
    const drafts = (await designer.get<{ file: { id: string; version: number } }[]>('/api/protocol-drafts'))
      .body;
    expect(drafts.map((d) => `${d.file.id}@${d.file.version}`)).toEqual(['voluntary-return@2']);
    await page.context().close();
  }, 120_000);

  it('says it is the section, not the form, that has no fields yet', async () => {
    const { page, builder } = await newFormOnArrival();
    // An empty section says it is the section that has no fields, not the form.
    await builder.locator('select[name="field-kind"]').selectOption('section');
    await builder.locator('button[name="add-field"]').click();
    await expect
      .poll(() => builder.locator('.dz-fieldtree .dz-hint').innerText())
      .toBe('«Campo nuevo» aún no tiene campos: selecciónelo y añada uno.');

    await page.context().close();
  }, 120_000);

  it('renames a choice by typing, through values it may not keep, and is told which value is taken', async () => {
    const { page, builder } = await newFormOnArrival();
    await builder.locator('select[name="field-kind"]').selectOption('singleChoice');
    await builder.locator('button[name="add-field"]').click();
    const field = builder.locator('[data-testid=field-editor]');
    const second = field.locator('input[name="choice-value-1"]');
    expect(await second.inputValue()).toBe('b');
    // Emptied, then typed through "a" (the other choice's value) on the way to "ab".
    await second.click();
    await second.press('End');
    await second.press('Backspace');
    await second.pressSequentially('ab', { delay: 10 });
    await second.press('Enter');
    expect(await second.inputValue()).toBe('ab');
    expect(await page.locator('.dz-app [role=alert]').count()).toBe(0);
    // Saved with the draft as typed.
    await page.locator('[data-save="saved"]').waitFor({ timeout: 20_000 });
    const designer = await apiAs(suite.stack.url, 'designer.regional');
    const draftId = decodeURIComponent(page.url().split('/drafts/')[1]!);
    const stored = await designer.get<{ forms: Record<string, { schema: unknown }> }>(
      `/api/protocol-drafts/${draftId}`,
    );
    expect(JSON.stringify(stored.body.forms)).toContain('"enum":["a","ab"]');

    // A value another choice stores is refused, naming it; the choice keeps the value it had.
    await second.fill('a');
    await second.press('Enter');
    const alert = page.locator('.dz-app [role=alert]').first();
    await expect
      .poll(() => alert.innerText())
      .toContain('Dos opciones guardan el mismo valor «a»: cambie el de una de ellas.');
    await suite.screenshot(page, 'choice-value-taken');
    await page.context().close();
  }, 120_000);

  it('has the browser ask before a reload throws away an edit whose save failed', async () => {
    const { page } = await loginAs(suite.browser, suite.stack.url, 'designer.regional');
    await openVoluntaryReturnDraft(page);
    await page.locator('[data-save="saved"]').waitFor();
    expect(await holdsUnload(page)).toBe(false);
    await page.route('**/api/protocol-drafts/**', (route) =>
      route.request().method() === 'PUT' ? route.abort() : route.continue(),
    );
    await page.locator('[name="protocol-title-es"]').fill('Retorno voluntario, versión revisada');
    await page.locator('[data-save="error"]').waitFor({ timeout: 20_000 });
    expect(await holdsUnload(page)).toBe(true);

    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.type());
        void d.accept();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
  }, 120_000);

  it('keeps the page its width when a stage gets a very long key', async () => {
    const { page } = await loginAs(suite.browser, suite.stack.url, 'designer.regional');
    await page.setViewportSize({ width: 1280, height: 800 });
    await openVoluntaryReturnDraft(page);
    await node(page, 'reception').click();
    await page.locator('button[name="tab-properties"]').click();
    const state = page.locator('[data-testid=state-panel]');
    const key = `reception${'x'.repeat(200)}`;
    await state.locator('[name="state-key"]').fill(key);
    await state.locator('[name="state-key"]').press('Enter');
    await state.locator('[name="state-title-es"]').fill('');
    await page.locator('button[name="publish"]').click();
    await page.locator('[data-testid=publish-refused]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid=publish-refused]').innerText()).toContain(key);
    await page.locator('button[name="tab-verify"]').click();
    await page.locator('[data-testid=verify-panel] .dz-problems li').first().waitFor({ timeout: 20_000 });
    await suite.screenshot(page, 'long-key');
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      window: document.documentElement.clientWidth,
      problem: document.querySelector('[data-testid=verify-panel] .dz-problems li')!.scrollWidth,
      panel: document.querySelector('[data-testid=verify-panel]')!.clientWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.window);
    expect(widths.problem).toBeLessThanOrEqual(widths.panel);
    await page.context().close();
  }, 120_000);

  it('tabs through the stages of the chart from the top down, not in the order of their keys', async () => {
    const { page } = await loginAs(suite.browser, suite.stack.url, 'designer.regional');
    await page.goto('/designer');
    await page
      .locator('.dz-card[data-protocol="migration-regularisation"]')
      .getByRole('button', { name: 'Borrador de la versión 2' })
      .click();
    await page.waitForURL(/\/designer\/drafts\//);
    const initial = 'application';
    await node(page, initial).waitFor();
    await page.locator('button[name="publish"]').focus();
    const order: { id: string; top: number; parent: boolean }[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el?.classList.contains('react-flow__node')) return null;
        return {
          id: el.dataset.id ?? '',
          top: el.getBoundingClientRect().top,
          parent: !(el.dataset.id ?? '').includes('.'),
        };
      });
      if (focused) order.push(focused);
    }
    expect(order[0]?.id).toBe(initial);
    const tops = order.filter((n) => n.parent).map((n) => n.top);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
    await page.context().close();
  }, 120_000);
});
