// An administrator corrects a mistyped full name in the list of accounts, in the real app
// (FerretDB, the server, the built app, Debian's chromium): a button on the row opens a small
// form, Escape closes it with the keyboard back on the button, an empty or too long name is
// refused before anything is sent, the correction shows in the row and in the account log, a
// change made meanwhile by someone else is refused, and their own corrected name shows in the
// banner.
// Screenshots go to test-artifacts/user-names/.
import { describe, expect, it } from 'vitest';
import type { AdminUser } from '../src/api/types.js';
import { apiAs } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';
import { accountOf as accountIn, focused, rowOf } from './helpers/usersPage.js';

const suite = browserSuite('user-names');

const accountOf = async (username: string) => (await accountIn(suite.stack.url, username))!;

describe('an administrator correcting a person’s full name', () => {
  it('opens a form on the row, cancels with Escape, is told what to fix, and saves the correction', async () => {
    const regional = await apiAs(suite.stack.url, 'admin.regional');
    const created = await regional.post<AdminUser>('/api/users', {
      username: 'rosa.ixcot.gt',
      name: 'Rosa Icxot',
      role: 'caseworker',
      country: 'GT',
      password: 'tamal de elote con café',
    });
    expect(created.status).toBe(201);
    const { page } = await loginAs(suite.browser, suite.stack.url, 'admin.gt');
    const row = rowOf(page, 'rosa.ixcot.gt');
    await row.waitFor();
    const input = row.getByLabel('Nombre completo de la cuenta rosa.ixcot.gt');

    // Opened from the keyboard: the field holds the name as it is, and has the keyboard.
    await row.getByRole('button', { name: 'Corregir nombre…' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatch(/^input#user-.*-new-name$/);
    expect(await input.inputValue()).toBe('Rosa Icxot');
    await page.keyboard.type(' (borrador)');
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe('Corregir nombre…');
    expect(await input.count()).toBe(0);
    expect(await row.locator('th').innerText()).toContain('Rosa Icxot');

    // An empty name: refused next to it before anything is sent; the keyboard stays in the field.
    await page.keyboard.press('Enter');
    await input.fill('   ');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => row.locator('.field-error').innerText())
      .toBe('Escriba el nombre completo de la persona.');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await focused(page)).toMatch(/^input#user-.*-new-name$/);
    await suite.screenshot(page, 'empty-name-refused');
    // Longer than the server keeps: said before sending too.
    await input.fill('R'.repeat(121));
    await page.keyboard.press('Enter');
    await expect
      .poll(() => row.locator('.field-error').innerText())
      .toBe('El nombre completo puede tener como máximo 120 caracteres.');
    expect((await accountOf('rosa.ixcot.gt')).name).toBe('Rosa Icxot');

    await input.fill('Rosa Ixcot');
    await row.getByRole('button', { name: 'Guardar nombre' }).click();
    await expect
      .poll(() => page.locator('.users-page > [role=status]').innerText())
      .toBe('Nombre de rosa.ixcot.gt corregido: ahora es Rosa Ixcot.');
    await expect.poll(() => focused(page)).toBe('Corregir nombre…');
    // The list is read again after a change: the row then shows the account as it is now.
    await expect.poll(() => row.locator('th').innerText()).toMatch(/^Rosa Ixcot/);
    expect(await row.locator('.field-error').count()).toBe(0);
    expect((await accountOf('rosa.ixcot.gt')).name).toBe('Rosa Ixcot');

    // The account log says who corrected it, and from what.
    const logged = page
      .locator('table.account-log tbody tr')
      .filter({ hasText: 'rosa.ixcot.gt' })
      .filter({ hasText: 'Cuenta cambiada' });
    await expect.poll(() => logged.count()).toBe(1);
    expect(await logged.locator('li').allInnerTexts()).toEqual(['Nombre: Rosa Icxot → Rosa Ixcot']);
    expect(await logged.locator('td').nth(3).innerText()).toBe('admin.gt');
    await suite.screenshot(page, 'name-corrected');
  });

  it('is refused when someone else changed the account meanwhile, and sees it as it is now', async () => {
    const { page } = await loginAs(suite.browser, suite.stack.url, 'admin.gt');
    const row = rowOf(page, 'supervisor.gt');
    await row.waitFor();
    const before = await accountOf('supervisor.gt');
    const regional = await apiAs(suite.stack.url, 'admin.regional');
    const r = await regional.put(`/api/users/${before.id}`, {
      name: 'Supervisión Guatemala',
      role: before.role,
      disabled: before.disabled,
      expectedUpdatedAt: before.updatedAt,
    });
    expect(r.status).toBe(200);

    await row.getByRole('button', { name: 'Corregir nombre…' }).click();
    await row.getByLabel('Nombre completo de la cuenta supervisor.gt').fill('Supervisora de Guatemala');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => row.locator('.field-error').innerText())
      .toMatch(/^Otra persona cambió esta cuenta mientras usted la tenía abierta, y su cambio no se hizo/);
    expect(await page.locator('.users-page > .alert-ok').count()).toBe(0);
    await expect.poll(() => row.locator('th span').first().innerText()).toBe('Supervisión Guatemala');
    expect((await accountOf('supervisor.gt')).name).toBe('Supervisión Guatemala');
    await suite.screenshot(page, 'name-changed-meanwhile');
  });

  it('corrects their own name, which the banner then says, in English too', async () => {
    const { page } = await loginAs(suite.browser, suite.stack.url, 'admin.sv', 'en-US');
    const own = rowOf(page, 'admin.sv');
    await own.waitFor();
    // Their own row: no role or disabling, but the name can be corrected.
    expect(await own.locator('select').count()).toBe(0);
    await own.getByRole('button', { name: 'Correct name…' }).click();
    await own.getByLabel('Full name of the account admin.sv').fill('Marta Alvarado');
    await own.getByRole('button', { name: 'Save name' }).click();
    await expect
      .poll(() => page.locator('.users-page > [role=status]').innerText())
      .toBe('Name of admin.sv corrected: it is now Marta Alvarado.');
    await expect.poll(() => page.locator('.banner .whoami-name').innerText()).toBe('Marta Alvarado');
    expect((await accountOf('admin.sv')).name).toBe('Marta Alvarado');
    await suite.screenshot(page, 'own-name-corrected-en');
  });
});
