// An administrator keeps the accounts of their country in the real app (FerretDB, the server, the
// built app, Debian's chromium): creates one, is told what to fix, disables it (its owner can no
// longer log in, and is told why) and enables it again. Screenshots go to test-artifacts/users/.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const PASSWORD = 'tamal de elote con café';
const OWN = 'atol de elote en la tarde';
const suite = browserSuite('users');

/** Logs in on a fresh profile and gives the login page's message, or null once logged in. */
async function tryLogin(username: string, password: string): Promise<{ page: Page; message: string | null }> {
  const context = await suite.browser.newContext({ baseURL: suite.stack.url, locale: 'es-MX' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.locator('.login-form button[type=submit]').click();
  const banner = page.locator('.banner');
  const error = page.locator('#login-error.form-error');
  await Promise.race([banner.waitFor(), error.waitFor()]);
  return { page, message: (await error.count()) ? await error.innerText() : null };
}

describe('an administrator of Guatemala', () => {
  it('creates an account, disables it so its owner cannot log in, and enables it again', async () => {
    const { stack, browser, screenshot } = suite;
    const { page } = await loginAs(browser, stack.url, 'admin.gt');
    await expect.poll(() => page.locator('h1').innerText(), { timeout: 10_000 }).toBe('Cuentas de usuario');
    const nav = page.getByRole('navigation', { name: 'Principal' });
    await expect.poll(() => nav.getByRole('link').allInnerTexts()).toEqual(['Usuarios', 'Estadísticas']);
    const rows = page.locator('table.users-table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(5);
    expect(new Set(await page.locator('table.users-table tbody td:nth-child(3)').allInnerTexts())).toEqual(
      new Set(['Guatemala']),
    );

    // A password too short is refused before anything is sent, next to its field.
    await page.getByLabel('Nombre completo').fill('Lucía Pérez');
    await page.getByLabel('Usuario', { exact: true }).fill('lucia.perez.gt');
    await page.locator('#new-user-role').selectOption({ label: 'Supervisión' });
    await page.getByLabel('Contraseña inicial').fill('corta');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await expect
      .poll(() => page.locator('#new-user-password-error').innerText())
      .toMatch(/al menos 12 caracteres/);
    expect(await page.locator('#new-user-password').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'password-too-short');

    await page.getByLabel('Contraseña inicial').fill(PASSWORD);
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await expect
      .poll(() => page.locator('[role=status]').first().innerText())
      .toBe('Cuenta lucia.perez.gt creada.');
    const row = rows.filter({ hasText: 'lucia.perez.gt' });
    await expect.poll(() => row.locator('td').nth(3).innerText()).toContain('Activa');
    expect(await row.locator('select').inputValue()).toBe('supervisor');
    const first = await tryLogin('lucia.perez.gt', PASSWORD);
    expect(first.message).toBeNull();
    // The password the administrator gave opens one door only: she chooses her own first.
    await expect.poll(() => first.page.locator('h1').innerText()).toBe('Elija su contraseña');
    await first.page.getByLabel('Contraseña actual').fill(PASSWORD);
    await first.page.getByLabel('Contraseña nueva', { exact: true }).fill(OWN);
    await first.page.getByLabel('Repita la contraseña nueva').fill(`${OWN}!`);
    await first.page.getByRole('button', { name: 'Guardar contraseña' }).click();
    await expect.poll(() => first.page.locator('#password-repeat-error').innerText()).toMatch(/no coinciden/);
    await screenshot(first.page, 'choose-own-password');
    await first.page.getByLabel('Repita la contraseña nueva').fill(OWN);
    await first.page.getByRole('button', { name: 'Guardar contraseña' }).click();
    await expect.poll(() => first.page.locator('h1').innerText(), { timeout: 10_000 }).toBe('Mis casos');
    await screenshot(first.page, 'own-password-chosen');

    // The same user name again: the server says it cannot be had.
    await page.getByLabel('Nombre completo').fill('Otra Lucía');
    await page.getByLabel('Usuario', { exact: true }).fill('lucia.perez.gt');
    await page.getByLabel('Contraseña inicial').fill(PASSWORD);
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await expect.poll(() => page.locator('.new-user .alert-error').innerText()).toMatch(/no está disponible/);

    await row.getByRole('button', { name: 'Desactivar' }).click();
    await row.getByRole('button', { name: 'Sí, desactivar' }).click();
    await expect.poll(() => row.locator('td').nth(3).innerText()).toContain('Desactivada');
    await screenshot(page, 'disabled');
    const refused = await tryLogin('lucia.perez.gt', OWN);
    expect(refused.message).toMatch(/desactivada/);
    await screenshot(refused.page, 'login-refused');

    await row.getByRole('button', { name: 'Activar' }).click();
    await expect.poll(() => row.locator('td').nth(3).innerText()).toContain('Activa');
    const back = await tryLogin('lucia.perez.gt', OWN);
    expect(back.message).toBeNull();
    await expect.poll(() => back.page.locator('h1').innerText(), { timeout: 10_000 }).toBe('Mis casos');

    // The account log says all of it, newest first: the logins, the failed one, who disabled it
    // (the last login came after the page's last change: it shows once the page is read again).
    await page.reload();
    const log = page.locator('table.account-log tbody tr').filter({ hasText: 'lucia.perez.gt' });
    await expect.poll(() => log.count()).toBeGreaterThanOrEqual(7);
    const entries = await log.evaluateAll((trs) =>
      trs.map((tr) => {
        const [, , what, by] = [...tr.querySelectorAll('td')];
        return {
          action: what?.firstChild?.textContent ?? '',
          changes: [...(what?.querySelectorAll('li') ?? [])].map((li) => li.textContent),
          by: by?.textContent,
        };
      }),
    );
    expect(entries.map((e) => e.action)).toEqual([
      'Entró',
      'Cuenta cambiada',
      'Intento fallido de entrar',
      'Cuenta cambiada',
      'Eligió su contraseña',
      'Entró',
      'Cuenta creada',
    ]);
    expect(entries[3]).toEqual({
      action: 'Cuenta cambiada',
      changes: ['Estado: Activa → Desactivada'],
      by: 'admin.gt',
    });
    expect(entries[6]!.changes).toEqual(['Nombre: — → Lucía Pérez', 'Rol: — → Supervisión']);
    await screenshot(page, 'account-log');

    // The administrator's own row offers no way to lock themselves out.
    const own = rows.filter({ hasText: 'admin.gt' });
    expect(await own.getByRole('button', { name: 'Desactivar' }).count()).toBe(0);
    expect(await own.locator('select').count()).toBe(0);
  });
});

describe('the regional administrator', () => {
  it('reads in the account log which country each account is of, since its name need not say', async () => {
    const { stack, browser, screenshot } = suite;
    const { page } = await loginAs(browser, stack.url, 'admin.regional');
    await page.locator('table.users-table tbody tr').first().waitFor();
    await page.getByLabel('Nombre completo').fill('Rosa Martínez');
    await page.getByLabel('Usuario', { exact: true }).fill('rosa.martinez');
    await page.locator('#new-user-country').selectOption({ label: 'Honduras' });
    await page.getByLabel('Contraseña inicial').fill(PASSWORD);
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    const log = page.locator('table.account-log');
    const created = log.locator('tbody tr').filter({ hasText: 'rosa.martinez' });
    await expect.poll(() => created.count()).toBe(1);
    expect(await log.locator('thead th').allInnerTexts()).toEqual([
      'Fecha',
      'Cuenta',
      'País',
      'Qué',
      'Por',
      'Desde',
    ]);
    expect(await created.locator('td').nth(2).innerText()).toBe('Honduras');
    await screenshot(page, 'regional-account-log');
  });
});
