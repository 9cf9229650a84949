// A regional designer sees and changes where a case of child repatriation may be handed over to
// another country, on the real stack (FerretDB, the server with the demo users, the built app,
// Debian's chromium): the coordination of the liaisons is marked, the reception is marked too,
// and the mark, its clause and its note are saved with the draft and survive a reload.
// Screenshots go to test-artifacts/designer-handover/.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { StateConfig } from '@ruta/protocol';
import { apiAs } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('designer-handover');

const node = (page: Page, statePath: string) => page.locator(`.react-flow__node[data-id="${statePath}"]`);

async function type(locator: Locator, text: string) {
  await locator.fill('');
  await locator.pressSequentially(text, { delay: 5 });
}

/** The state panel of a stage, selected on the chart. */
async function stage(page: Page, statePath: string): Promise<Locator> {
  await node(page, statePath).click();
  await page.locator('button[name="tab-properties"]').click();
  const panel = page.locator('[data-testid=state-panel]');
  await expect.poll(() => panel.locator('h2').innerText()).not.toBe('');
  return panel;
}

describe('a regional designer, where a case may be handed over', () => {
  it('sees the coordination marked, marks the reception, and finds the mark after a reload', async () => {
    const { page } = await loginAs(suite.browser, suite.stack.url, 'designer.regional');
    await page.goto('/designer');
    await page
      .locator('.dz-card[data-protocol="child-repatriation"]')
      .getByRole('button', { name: 'Borrador de la versión 2' })
      .click();
    await page.waitForURL(/\/designer\/drafts\//);
    const draftUrl = page.url();
    await node(page, 'solution.coordination').waitFor();

    // The shipped permission shows, with the clause that allows it.
    let panel = await stage(page, 'solution.coordination');
    let handover = panel.locator('[data-testid=state-handover]');
    const box = handover.getByRole('checkbox', {
      name: 'Se puede traspasar el caso a otro país en esta etapa',
    });
    expect(await box.isChecked()).toBe(true);
    expect(await handover.locator('[name="handover-legal-clause-0"]').inputValue()).toBe('9.3');
    expect(await handover.locator('[data-handover-where]').innerText()).toContain(
      'solution.thirdCountryCoordination',
    );
    await suite.screenshot(page, 'coordination-marked');

    // The reception is not marked; the hint names where a handover is already possible.
    panel = await stage(page, 'reception');
    handover = panel.locator('[data-testid=state-handover]');
    expect(await handover.locator('input[name="state-handover"]').isChecked()).toBe(false);
    const where = await handover.locator('[data-handover-where]').innerText();
    expect(where).toContain('Ya se puede traspasar en:');
    expect(where).toContain('solution.coordination');
    await handover.locator('input[name="state-handover"]').check();
    // Until its clause is given, the stage says what is missing.
    await expect
      .poll(() => handover.locator('[data-testid=handover-problems]').innerText(), { timeout: 15_000 })
      .toContain('no tiene cláusula');
    await type(handover.locator('[name="handover-legal-clause-0"]'), 'C.10');
    await type(handover.locator('[name="handover-note-es"]'), 'El país de origen recibe al niño');
    await type(handover.locator('[name="handover-note-en"]'), 'The origin country receives the child');
    await expect.poll(() => handover.locator('[data-testid=handover-problems]').count()).toBe(0);
    await expect
      .poll(() => page.locator('.dz-save').getAttribute('data-save'), { timeout: 20_000 })
      .toBe('saved');
    await suite.screenshot(page, 'reception-marked');
    // With its clause, the draft verifies.
    await page.locator('button[name="tab-verify"]').click();
    await expect
      .poll(() => page.locator('[data-testid=verify-panel] [data-verdict]').getAttribute('data-verdict'), {
        timeout: 20_000,
      })
      .toBe('pass');

    // Saved with the draft: a reload shows it.
    await page.goto(draftUrl);
    await node(page, 'reception').waitFor();
    panel = await stage(page, 'reception');
    handover = panel.locator('[data-testid=state-handover]');
    expect(await handover.locator('input[name="state-handover"]').isChecked()).toBe(true);
    expect(await handover.locator('[name="handover-legal-clause-0"]').inputValue()).toBe('C.10');
    expect(await handover.locator('[name="handover-note-es"]').inputValue()).toBe(
      'El país de origen recibe al niño',
    );

    // The stored draft carries it, and the coordination keeps its own.
    const designer = await apiAs(suite.stack.url, 'designer.regional');
    const draftId = decodeURIComponent(draftUrl.split('/drafts/')[1]!);
    const stored = await designer.get<{ file: { machine: { states: Record<string, StateConfig> } } }>(
      `/api/protocol-drafts/${draftId}`,
    );
    const states = stored.body.file.machine.states;
    expect(states.reception!.meta.handover).toEqual({
      legal: [{ seed: '003', clause: 'C.10' }],
      note: { es: 'El país de origen recibe al niño', en: 'The origin country receives the child' },
    });
    expect(states.solution!.states!.coordination!.meta.handover?.legal[0]).toMatchObject({
      seed: '003',
      clause: '9.3',
    });
    await page.context().close();
  }, 180_000);
});
