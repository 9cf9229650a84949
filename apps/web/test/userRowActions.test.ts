// An administrator works through the list of accounts in the real app (FerretDB, the server, the
// built app, Debian's chromium): disabling an account is asked again before anything changes,
// the keyboard stays on the row after each action, an account changed meanwhile by someone else
// is said as a refusal, and a user name typed as people write names gets one to use instead.
// Screenshots go to test-artifacts/user-rows/.
import { describe, expect, it } from 'vitest';
import { apiAs } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';
import { accountOf as accountIn, focused, rowOf } from './helpers/usersPage.js';

const suite = browserSuite('user-rows');

const accountOf = async (username: string) => (await accountIn(suite.stack.url, username))!;

describe('an administrator working through the list of accounts', () => {
  it('is asked before an account is disabled, and keeps the keyboard on the row', async () => {
    const { page } = await loginAs(suite.browser, suite.stack.url, 'admin.gt');
    const row = rowOf(page, 'caseworker.gt');
    await row.waitFor();

    // One press of Enter on "Desactivar" only asks; a second (or a double click) lands on Cancelar.
    await row.getByRole('button', { name: 'Desactivar' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => row.getByRole('group').innerText())
      .toContain(
        '¿Desactivar la cuenta caseworker.gt? Trabajadora de casos (GT) no podrá entrar y sus sesiones abiertas se cerrarán ahora.',
      );
    expect(await focused(page)).toBe('Cancelar');
    await suite.screenshot(page, 'asked-before-disabling');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('Desactivar');
    expect((await accountOf('caseworker.gt')).disabled).toBe(false);
    expect(await row.locator('td').nth(3).innerText()).toContain('Activa');

    // Confirmed: disabled, and the keyboard is on the button that enables it again.
    await page.keyboard.press('Enter');
    await row.getByRole('button', { name: 'Sí, desactivar' }).click();
    await expect.poll(() => row.locator('td').nth(3).innerText()).toContain('Desactivada');
    expect((await accountOf('caseworker.gt')).disabled).toBe(true);
    await expect.poll(() => focused(page)).toBe('Activar');
    // Enabling takes nothing away: no question.
    await page.keyboard.press('Enter');
    await expect.poll(() => row.locator('td').nth(3).innerText()).toMatch(/^Activa/);
    expect((await accountOf('caseworker.gt')).disabled).toBe(false);
    await expect.poll(() => focused(page)).toBe('Desactivar');

    // A new password: the field has the keyboard at once, and keeps it when refused.
    await row.getByRole('button', { name: 'Nueva contraseña…' }).click();
    await expect.poll(() => focused(page)).toMatch(/^input#user-.*-password$/);
    await page.keyboard.type('corta');
    await page.keyboard.press('Enter');
    await expect.poll(() => row.locator('.field-error').innerText()).toMatch(/al menos 12 caracteres/);
    expect(await focused(page)).toMatch(/^input#user-.*-password$/);
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe('Nueva contraseña…');
    await row.getByRole('button', { name: 'Nueva contraseña…' }).click();
    await page.keyboard.type('pupusas de loroco y queso');
    // The list is read again after a change; the next change is made on the account as it is then.
    const reloaded = page.waitForResponse(
      (r) => r.url().endsWith('/api/users') && r.request().method() === 'GET',
    );
    await page.keyboard.press('Enter');
    await reloaded;
    await expect
      .poll(() => page.locator('.users-page > [role=status]').innerText())
      .toBe('Contraseña de caseworker.gt cambiada; sus sesiones se cerraron.');
    await expect.poll(() => focused(page)).toBe('Nueva contraseña…');

    // A role saved: the keyboard is back on the role's select.
    await row.locator('select').selectOption('supervisor');
    await row.getByRole('button', { name: 'Cambiar rol' }).click();
    await expect.poll(() => row.locator('select').evaluate((s) => s === document.activeElement)).toBe(true);
    expect((await accountOf('caseworker.gt')).role).toBe('supervisor');
  });

  it('in English too, the question names the account', async () => {
    const { page } = await loginAs(suite.browser, suite.stack.url, 'admin.gt', 'en-US');
    const row = rowOf(page, 'designer.gt');
    await row.getByRole('button', { name: 'Disable' }).click();
    await expect
      .poll(() => row.getByRole('group').innerText())
      .toContain(
        'Disable the account designer.gt? Diseñadora de protocolos (GT) will not be able to log in, and their open sessions end now.',
      );
    await suite.screenshot(page, 'asked-before-disabling-en');
    await row.getByRole('button', { name: 'Cancel' }).click();
    expect((await accountOf('designer.gt')).disabled).toBe(false);
  });

  it('changes their own password on their password page, not with the reset that would log them out', async () => {
    const { page } = await loginAs(suite.browser, suite.stack.url, 'admin.gt');
    const own = rowOf(page, 'admin.gt');
    await own.waitFor();
    expect(await own.getByRole('button', { name: 'Nueva contraseña…' }).count()).toBe(0);
    await own.getByRole('link', { name: 'Cambiar mi contraseña' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Cambiar su contraseña');
    expect(new URL(page.url()).pathname).toBe('/password');
    await expect.poll(() => page.getByLabel('Contraseña actual').count()).toBe(1);
  });

  it('is told, as a refusal, that someone else changed the account meanwhile, and sees it as it is now', async () => {
    const { page } = await loginAs(suite.browser, suite.stack.url, 'admin.gt');
    const row = rowOf(page, 'focalpoint.gt');
    await row.waitFor();
    // Another administrator (the regional one) disables the account while this page is open.
    const regional = await apiAs(suite.stack.url, 'admin.regional');
    const before = await accountOf('focalpoint.gt');
    const r = await regional.put(`/api/users/${before.id}`, {
      name: before.name,
      role: before.role,
      disabled: true,
      expectedUpdatedAt: before.updatedAt,
    });
    expect(r.status).toBe(200);

    await row.locator('select').selectOption('auditor');
    await row.getByRole('button', { name: 'Cambiar rol' }).click();
    await expect
      .poll(() => row.locator('.field-error').innerText())
      .toMatch(/^Otra persona cambió esta cuenta mientras usted la tenía abierta, y su cambio no se hizo/);
    // Not said as if it had worked, and the row now shows the account as the other left it.
    expect(await page.locator('.users-page > .alert-ok').count()).toBe(0);
    await expect.poll(() => row.locator('td').nth(3).innerText()).toContain('Desactivada');
    expect((await accountOf('focalpoint.gt')).role).toBe('focalpoint');
    await suite.screenshot(page, 'changed-meanwhile');
  });

  it('gets a user name to use when typing one with accents or spaces, and nothing is created', async () => {
    const { page } = await loginAs(suite.browser, suite.stack.url, 'admin.gt');
    await page.getByLabel('Nombre completo').fill('José Ñúñez Álvarez');
    await page.getByLabel('Usuario', { exact: true }).pressSequentially('José Ñúñez');
    // The space typed between the two words is kept, not silently dropped.
    expect(await page.getByLabel('Usuario', { exact: true }).inputValue()).toBe('josé ñúñez');
    await page.getByLabel('Contraseña inicial').fill('tamal de elote con café');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await expect
      .poll(() => page.locator('#new-user-username-error').innerText())
      .toBe(
        'Sin acentos, ñ ni espacios: solo letras de la a a la z, cifras, puntos, guiones o guiones bajos; por ejemplo «jose.nunez».',
      );
    await suite.screenshot(page, 'username-with-accents');
    expect(await accountOf('jose.nunez')).toBeUndefined();
    await page.getByLabel('Usuario', { exact: true }).fill('jose.nunez');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await expect
      .poll(() => page.locator('.users-page > [role=status]').innerText())
      .toBe('Cuenta jose.nunez creada.');
    expect((await accountOf('jose.nunez')).name).toBe('José Ñúñez Álvarez');

    // The same again: refused, and the notice of the last account created is gone, not read as
    // the outcome of this attempt.
    await page.getByLabel('Nombre completo').fill('Otro José');
    await page.getByLabel('Usuario', { exact: true }).fill('jose.nunez');
    await page.getByLabel('Contraseña inicial').fill('tamal de elote con café');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await expect.poll(() => page.locator('.new-user .alert-error').innerText()).toMatch(/no está disponible/);
    expect(await page.locator('.users-page > .alert-ok').count()).toBe(0);
  });
});
