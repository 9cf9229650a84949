// Refusals of the server reach the user in Spanish in the real app (FerretDB, the server, the
// built app, Debian's chromium), with the names and countries they are about: an administrator
// creating a user name that is taken (here or in another country, said alike), and a focal point accepting a handover that a colleague
// declined meanwhile. Screenshots go to test-artifacts/server-refusals/.
import { describe, expect, it } from 'vitest';
import { apiAs, caseReadyForHandover } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('server-refusals');

describe('a refusal of the server', () => {
  it('tells an administrator in Spanish that the user name is not available, naming it, whose ever it is', async () => {
    const { page } = await loginAs(suite.browser, suite.stack.url, 'admin.gt');
    await expect.poll(() => page.locator('h1').innerText(), { timeout: 10_000 }).toBe('Cuentas de usuario');
    await page.getByLabel('Nombre completo').fill('Otra persona');
    await page.getByLabel('Usuario', { exact: true }).fill('caseworker.gt');
    await page.getByLabel('Contraseña inicial').fill('tamal de elote con café');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    const alert = page.locator('.new-user .alert-error');
    await expect
      .poll(() => alert.innerText())
      .toBe('El nombre de usuario «caseworker.gt» no está disponible: elija otro.');
    await suite.screenshot(page, 'username-taken');

    // Another country's account (El Salvador's): said alike, so the page does not tell a
    // Guatemalan administrator that it exists, nor where.
    await page.getByLabel('Usuario', { exact: true }).fill('caseworker.sv');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await expect
      .poll(() => alert.innerText())
      .toBe('El nombre de usuario «caseworker.sv» no está disponible: elija otro.');
    await suite.screenshot(page, 'username-of-another-country');
  });

  it('tells a focal point in Spanish that the handover was declined meanwhile', async () => {
    const { url } = suite.stack;
    const mx = await apiAs(url, 'caseworker.mx');
    const opened = { body: { case: { id: await caseReadyForHandover(url, 'caseworker.mx') } } };
    const handover = await mx.post<{ id: string }>(`/api/cases/${opened.body.case.id}/handovers`, {
      toCountry: 'GT',
      note: 'Niña de 14 años; la familia está en Quetzaltenango.',
    });
    expect(handover.status).toBe(201);

    const { page } = await loginAs(suite.browser, url, 'focalpoint.gt');
    await page.goto('/handovers');
    const card = page.locator('article.handover-card', { hasText: opened.body.case.id });
    const accept = card.getByRole('button', { name: 'Aceptar y abrir caso' });
    await accept.waitFor({ timeout: 10_000 });

    // A colleague declines it while this page is open.
    const colleague = await apiAs(url, 'focalpoint.gt');
    const declined = await colleague.post(`/api/handovers/${handover.body.id}/decline`, {
      reason: 'Ya se atiende por otra vía.',
    });
    expect(declined.status).toBe(200);

    await accept.click();
    await expect
      .poll(() => page.locator('p[role=status].alert').innerText())
      .toBe('Este traspaso ya fue rechazado y no se puede aceptar.');
    // and the list shows it as it is now: no longer pending
    await expect.poll(() => card.count()).toBe(0);
    await suite.screenshot(page, 'handover-declined');
  });
});
