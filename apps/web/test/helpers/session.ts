import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface Session {
  username: string;
  context: BrowserContext;
  page: Page;
}

/** A browser profile of its own (cookies, storage) with the demo user logged in on the login page. */
export async function loginAs(
  browser: Browser,
  base: string,
  username: string,
  locale = 'es-MX',
): Promise<Session> {
  const context = await browser.newContext({
    baseURL: base,
    viewport: { width: 1280, height: 900 },
    locale,
    timezoneId: 'America/Mexico_City',
  });
  const page = await context.newPage();
  await page.goto('/');
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill('ruta-demo');
  await page.locator('.login-form button[type=submit]').click();
  await page.locator('.banner').waitFor();
  return { username, context, page };
}
