// Guatemala's designer empties a required text of a draft and tries to publish, in the real app
// (FerretDB, the server, the built app with its Content-Security-Policy, Debian's chromium): the
// field says what is missing, the refusal names the problem in Spanish and leads to the
// Verification tab, which counts it once; the chart's controls and arrows speak Spanish too.
// The same designer selects stages from the keyboard, leaves a draft by the top bar right after
// typing without losing the edit, publishes and follows the link to the comparison; refusals and
// failures are said in the page's language. Screenshots go to test-artifacts/designer-publish/.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs } from './helpers/apiDriver.js';
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

  it('selects stages from the keyboard, keeps an edit typed just before leaving, and compares what it published', async () => {
    const { page } = await loginAs(suite.browser, suite.stack.url, 'designer.gt');
    await page.goto('/designer');
    await page.locator('button[name="derive-voluntary-return"]').click();
    await page.waitForURL(/\/designer\/drafts\//);
    const draftId = decodeURIComponent(page.url().split('/drafts/')[1]!);
    await node(page, 'reception').waitFor();

    // A new title, and at once the top bar's link: the edit is saved before the page goes.
    const title = 'Retorno voluntario de personas adultas — Guatemala';
    await page.locator('[name="protocol-title-es"]').fill(title);
    await page
      .getByRole('navigation', { name: 'Principal' })
      .getByRole('link', { name: 'Diseñador de protocolos' })
      .click();
    await page.waitForURL(/\/designer$/);
    const draftLink = page.locator('a[data-draft="voluntary-return-gt@1"]');
    expect(await draftLink.innerText()).toContain(title);
    const designer = await apiAs(suite.stack.url, 'designer.gt');
    const stored = await designer.get<{ file: { title: { es: string } } }>(`/api/protocol-drafts/${draftId}`);
    expect(stored.body.file.title.es).toBe(title);

    // Enter or Space on a focused stage selects it and opens its panel, as a click does; the
    // stages come before the transitions' labels when tabbing through the chart.
    await draftLink.click();
    await node(page, 'reception').waitFor();
    const heading = async () =>
      (await page.locator('[data-testid=state-panel] h2').allInnerTexts()).join(' | ');
    await node(page, 'reception').focus();
    await page.keyboard.press('Enter');
    await expect.poll(heading, { timeout: 5_000 }).toBe('Etapa: Recepción en el país de origen');
    await node(page, 'arrival').focus();
    await page.keyboard.press(' ');
    await expect.poll(heading, { timeout: 5_000 }).toBe('Etapa: Llegada al país de origen');
    const order = await page
      .locator('.dz-graph')
      .evaluate((graph) =>
        [...graph.querySelectorAll<HTMLElement>('[tabindex="0"], button')]
          .filter((el) => el.tabIndex >= 0)
          .map((el) =>
            el.classList.contains('react-flow__node')
              ? 'stage'
              : el.classList.contains('dz-edge-label')
                ? 'label'
                : el.classList.contains('react-flow__edge')
                  ? 'arrow'
                  : 'other',
          ),
      );
    expect(order.lastIndexOf('stage')).toBeLessThan(order.indexOf('label'));
    expect(order).not.toContain('arrow');
    await screenshot(page, 'stage-selected-by-keyboard');

    // Published, it leads to what changed with respect to its regional base.
    await page.locator('button[name="publish"]').click();
    await page.locator('[data-testid=published]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=compare-published]').click();
    await page.waitForURL(/diff\?/);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/designer/diff');
    expect(url.searchParams.get('a')).toBe('voluntary-return@1');
    expect(url.searchParams.get('b')).toBe('voluntary-return-gt@1');
    await page.locator('[data-testid=diff-list]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[role=alert]').count()).toBe(0);
    await screenshot(page, 'published-compared');
  }, 120_000);

  it('says refusals and failures in the language of the page, naming what is at fault', async () => {
    // El Salvador drafts under the id Guatemala's variant of migration regularisation would take.
    const sv = await apiAs(suite.stack.url, 'designer.sv');
    const taken = await sv.post('/api/protocols/migration-regularisation/versions/1/variants', {
      jurisdiction: 'SV',
      id: 'migration-regularisation-gt',
    });
    expect(taken.status).toBe(201);

    const { page } = await loginAs(suite.browser, suite.stack.url, 'designer.gt');
    await page.goto('/designer');
    await page.locator('button[name="derive-migration-regularisation"]').click();
    const listAlert = page.locator('[data-testid=designer-list] [role=alert]');
    await expect
      .poll(() => listAlert.innerText())
      .toBe(
        'El Salvador ya está preparando un protocolo con el identificador «migration-regularisation-gt»: elija otro.',
      );

    // An address that names no draft.
    await page.goto('/designer/drafts/diff');
    const missing = page.locator('.dz-app [role=alert]');
    await expect.poll(() => missing.innerText()).toContain('No hay ningún borrador en esta dirección');
    expect(await missing.innerText()).not.toMatch(/draftId|Fix the request|path\./);
    await screenshot(page, 'no-such-draft');

    // Publishing, then saving, while the network is down, in the draft of victim attention's
    // next Guatemalan version begun above (the list goes back to it rather than start another).
    await page.goto('/designer');
    await page
      .locator('.dz-card[data-protocol="victim-attention"] a[data-open-draft="victim-attention-gt@2"]')
      .click();
    await page.waitForURL(/\/designer\/drafts\//);
    await node(page, 'detection').waitFor();
    // Saved as opened: publishing has nothing to save first, so it is the publish that fails.
    await page.locator('[data-save="saved"]').waitFor();
    await page.waitForLoadState('networkidle');
    await page.route('**/api/protocol-drafts/**', (route) =>
      route.request().method() === 'GET' ? route.continue() : route.abort(),
    );
    await page.locator('button[name="publish"]').click();
    const refused = page.locator('[data-testid=publish-refused]');
    await refused.waitFor({ timeout: 20_000 });
    expect(await refused.innerText()).toBe(
      'No se publicó: No hay conexión con el servidor. Compruebe la red y vuelva a intentarlo.',
    );
    await page.locator('[name="protocol-title-es"]').fill('Atención a víctimas — Guatemala');
    const saveError = page.locator('[data-save="error"]');
    await saveError.waitFor({ timeout: 20_000 });
    expect(await saveError.innerText()).toBe(
      'No se pudo guardar: No hay conexión con el servidor. Compruebe la red y vuelva a intentarlo.',
    );
    await screenshot(page, 'save-failed');
    await page.context().close();

    // The same in English, on an English page.
    const english = await loginAs(suite.browser, suite.stack.url, 'designer.gt', 'en-US');
    await english.page.goto('/designer/drafts/diff');
    const missingEn = english.page.locator('.dz-app [role=alert]');
    await expect.poll(() => missingEn.innerText()).toContain('There is no draft at this address');
    await english.page.goto('/designer');
    await english.page.locator('button[name="derive-migration-regularisation"]').click();
    await expect
      .poll(() => english.page.locator('[data-testid=designer-list] [role=alert]').innerText())
      .toBe(
        'El Salvador is already drafting a protocol with the id “migration-regularisation-gt”: choose another one.',
      );
    await english.context.close();
  }, 120_000);
});

const screenshot = (page: Page, label: string) => suite.screenshot(page, label);
