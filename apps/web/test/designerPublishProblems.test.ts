// Guatemala's designer empties a required text of a draft and tries to publish, in the real app
// (FerretDB, the server, the built app with its Content-Security-Policy, Debian's chromium): the
// field says what is missing, the refusal names the problem in Spanish and leads to the
// Verification tab, which counts it once; the chart's controls and arrows speak Spanish too.
// Screenshots go to test-artifacts/designer-publish/.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('designer-publish');

const node = (page: Page, statePath: string) => page.locator(`.react-flow__node[data-id="${statePath}"]`);

describe("Guatemala's protocol designer", () => {
  it('is told what to fix when publishing a draft with an empty title, once, in Spanish', async () => {
    const { page } = await loginAs(suite.browser, suite.stack.url, 'designer.gt');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/designer');
    await page.locator('[data-testid=designer-list]').waitFor();
    await page
      .locator('li', { hasText: 'victim-attention-gt' })
      .getByRole('button', { name: 'Borrador de la versión 2' })
      .click();
    await page.waitForURL(/\/designer\/drafts\//);
    await node(page, 'detection').waitFor();

    // The chart's zoom controls and arrows, in Spanish, arrows by the titles of their stages.
    const controls = page.locator('.react-flow__controls');
    expect(await controls.locator('.react-flow__controls-zoomin').getAttribute('aria-label')).toBe('Acercar');
    expect(await controls.locator('.react-flow__controls-zoomin').getAttribute('title')).toBe('Acercar');
    expect(await controls.locator('.react-flow__controls-zoomout').getAttribute('aria-label')).toBe('Alejar');
    expect(await controls.locator('.react-flow__controls-fitview').getAttribute('aria-label')).toBe(
      'Ver todo el diagrama',
    );
    const edgeLabels = await page
      .locator('.react-flow__edge')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(edgeLabels.length).toBeGreaterThan(5);
    for (const label of edgeLabels) {
      expect(label).toMatch(/^Transición «.+» de «.+» a «.+»$/);
      expect(label).not.toContain('Edge from');
    }
    expect(edgeLabels.join('\n')).toContain('de «Detección');

    // Empty the Spanish title of the first stage: the field says so where it is.
    await node(page, 'detection').click();
    await page.locator('button[name="tab-properties"]').click();
    const titleEs = page.locator('[data-testid=state-panel] [name="state-title-es"]');
    await titleEs.fill('');
    const missing = page.locator('[data-testid=state-panel] [data-missing="es"]');
    await expect.poll(() => missing.innerText()).toBe('Falta el texto en español.');
    expect(await titleEs.getAttribute('aria-describedby')).toBe(await missing.getAttribute('id'));
    await page.locator('[data-save="saved"]').waitFor({ timeout: 30_000 });
    await screenshot(page, 'empty-title');

    await page.locator('button[name="publish"]').click();
    const refused = page.locator('[data-testid=publish-refused]');
    await refused.waitFor({ timeout: 60_000 });
    const banner = await refused.innerText();
    expect(banner).toContain('Falta el texto en español del título de la etapa «detection»');
    expect(banner).toContain('Verificación');
    expect(banner).not.toContain('draft/');
    expect(banner).not.toContain('.json');
    await screenshot(page, 'publish-refused');

    // One problem, counted once, on the tab and in its panel.
    await refused.getByRole('button', { name: 'Abrir Verificación' }).click();
    const panel = page.locator('[data-testid=verify-panel]');
    await panel.waitFor();
    await expect.poll(() => page.locator('button[name="tab-verify"]').innerText()).toBe('Verificación (1)');
    expect(await panel.locator('[data-verdict]').innerText()).toBe('1 error');
    const problems = await panel.locator('.dz-problems li.is-error').allInnerTexts();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('«detection»');
    expect(problems.join('\n')).not.toContain('draft/');
    await screenshot(page, 'verification-once');
  }, 180_000);
});

const screenshot = (page: Page, label: string) => suite.screenshot(page, label);
