// A page that is not there offers the way back to the page the user's role lands on after
// logging in (an administrator has no cases to go back to, a designer works on protocols), in
// the real app (FerretDB, the server, the built app, Debian's chromium). Screenshots go to
// test-artifacts/not-found/.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('not-found');

/** Where the page is, and its heading, once it has one. */
async function where(page: Page): Promise<{ path: string; title: string }> {
  const h1 = page.locator('h1').first();
  await h1.waitFor();
  await expect.poll(() => h1.innerText(), { timeout: 10_000 }).not.toBe('');
  return { path: new URL(page.url()).pathname, title: await h1.innerText() };
}

describe('a page that is not there', () => {
  it.each([
    ['admin.gt', 'es-MX', 'Volver a las cuentas de usuario', '/users'],
    ['designer.gt', 'es-MX', 'Volver al diseñador de protocolos', '/designer'],
    ['auditor.gt', 'es-MX', 'Volver a mis casos', '/'],
    ['caseworker.gt', 'es-MX', 'Volver a mis casos', '/'],
    ['admin.regional', 'en-US', 'Back to the user accounts', '/users'],
  ])('leads %s back to the page they land on after logging in', async (username, locale, link, path) => {
    const { page } = await loginAs(suite.browser, suite.stack.url, username, locale);
    const landing = await where(page);
    expect(landing.path).toBe(path);

    await page.goto('/no-such-page');
    await expect
      .poll(() => page.locator('h1').innerText())
      .toBe(locale === 'es-MX' ? 'Página no encontrada' : 'Page not found');
    expect(await page.locator('main a').allInnerTexts()).toEqual([link]);
    await suite.screenshot(page, `not-found-${username}`);
    await page.getByRole('link', { name: link }).click();
    await expect.poll(() => where(page)).toEqual(landing);
  });

  it('a case an administrator cannot open leads them back to the accounts too', async () => {
    const { page } = await loginAs(suite.browser, suite.stack.url, 'admin.gt');
    await where(page);
    await page.goto('/cases/no-such-case');
    const back = page.getByRole('link', { name: 'Volver a las cuentas de usuario' });
    await back.waitFor();
    await suite.screenshot(page, 'case-page-admin');
    await back.click();
    await expect.poll(() => where(page)).toEqual({ path: '/users', title: 'Cuentas de usuario' });
  });
});
