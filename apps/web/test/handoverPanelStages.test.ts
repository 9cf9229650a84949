// The handover panel of a case offers the handover form only at the stages its protocol allows
// (the coordination between liaisons, after the best-interest determination and the risk
// assessment); at any other stage it says, in the page's language, where a handover is possible.
// Screenshots go to test-artifacts/handover-stages/.
import { describe, expect, it } from 'vitest';
import { caseReadyForHandover, openNewest } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('handover-stages');

describe('the handover panel of a case', () => {
  it('says where a handover is possible before the coordination, and offers the form at it', async () => {
    const { url } = suite.stack;
    const early = await openNewest(url, 'caseworker.mx', 'child-repatriation');
    const ready = await caseReadyForHandover(url, 'caseworker.mx');
    const { page } = await loginAs(suite.browser, url, 'caseworker.mx');

    await page.goto(`/cases/${early}`);
    const panel = page.locator('section[aria-labelledby="handover-title"]');
    await expect
      .poll(() => panel.locator('.handover-not-here').innerText(), { timeout: 10_000 })
      .toBe(
        'En esta etapa el protocolo no permite traspasar el caso a otro país. Es posible en: «Coordinación entre enlaces», «Coordinación con el tercer país».',
      );
    expect(await panel.getByRole('button', { name: 'Enviar traspaso' }).count()).toBe(0);
    await suite.screenshot(page, 'not-at-intake');

    await page.goto(`/cases/${ready}`);
    await panel.getByRole('button', { name: 'Enviar traspaso' }).waitFor({ timeout: 10_000 });
    expect(await panel.locator('.handover-not-here').count()).toBe(0);
    await panel.getByLabel('País que recibe').selectOption('GT');
    await panel.getByLabel('Nota para el punto focal').fill('Coordinado con el enlace de Guatemala.');
    await panel.getByRole('button', { name: 'Enviar traspaso' }).click();
    await expect
      .poll(() => panel.locator('p[role=status]').innerText())
      .toBe('Traspaso enviado a Guatemala. Queda pendiente de aceptación.');
    await suite.screenshot(page, 'at-coordination');
  });
});
