import type { Locator, Page } from 'playwright-core';
import type { AdminUser } from '../../src/api/types.js';
import { apiAs } from './apiDriver.js';

/** The text of the focused element, or `input#<id>` for an input (BODY: focus lost). */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'BODY';
    return el instanceof HTMLInputElement ? `input#${el.id}` : (el.textContent ?? '').trim();
  });
}

/** An account as it is stored now, read by the regional administrator (who sees every country's). */
export async function accountOf(base: string, username: string): Promise<AdminUser | undefined> {
  const admin = await apiAs(base, 'admin.regional');
  const list = await admin.get<AdminUser[]>('/api/users');
  return list.body.find((u) => u.username === username);
}

/** The row of an account in the accounts' table. */
export function rowOf(page: Page, username: string): Locator {
  return page.locator('table.users-table tbody tr').filter({ hasText: username });
}
