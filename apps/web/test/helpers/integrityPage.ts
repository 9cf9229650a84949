import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Opens Integridad (in Spanish) as the page's user, presses "Comprobar ahora" and waits until the
 * finished check's handover packet count reads `packets`; the status is read again then, in case
 * the server's own sweep started meanwhile. Not a test file.
 */
export async function checkIntegrityNow(page: Page, url: string, packets: string | RegExp): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${url}/integrity`);
  await page.getByRole('button', { name: 'Comprobar ahora' }).click();
  const counted = page.getByTestId('integrity-packets-count');
  const read = () => counted.innerText({ timeout: 1_000 }).catch(() => '');
  if (typeof packets === 'string') await expect.poll(read, { timeout: 60_000 }).toBe(packets);
  else await expect.poll(read, { timeout: 60_000 }).toMatch(packets);
}
