// A focal point reads the 24-hour alert of a child found abroad in the real app (FerretDB, the
// server, the built app, Debian's chromium): the banner counts it unread until they mark it
// read, for themselves. Screenshots go to test-artifacts/alerts/.
import { describe, expect, it } from 'vitest';
import { driveCase, openNewest } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('alerts');

describe("Guatemala's focal point", () => {
  it('sees the 24-hour alert of a Guatemalan child found in Mexico, unread until they mark it read', async () => {
    // Set-up over the API: a Mexican child-repatriation case up to the 24-hour alert.
    const { stack, browser, screenshot } = suite;
    const caseId = await openNewest(stack.url, 'caseworker.mx', 'child-repatriation-mx');
    // The alert is a region of its own: stop once it has been pending and is no longer.
    let pending = false;
    await driveCase(stack.url, caseId, 'MX', (v) => {
      const value = JSON.stringify(v.state.value);
      const waiting = /"alert":"(pending|overdue)"/.test(value);
      pending ||= waiting;
      return pending && !waiting;
    });

    const { page } = await loginAs(browser, stack.url, 'focalpoint.gt');
    const nav = page.getByRole('navigation', { name: 'Principal' });
    await expect
      .poll(() => nav.getByRole('link', { name: /^Avisos/ }).innerText())
      .toBe('Avisos (1 sin leer)');
    await nav.getByRole('link', { name: /^Avisos/ }).click();
    const item = page.locator('.alert-item', { hasText: caseId });
    await item.waitFor();
    const text = await item.innerText();
    expect(text).toContain('Nuevo');
    expect(text).toContain('Alerta de 24 horas');
    expect(text).toContain(`caso ${caseId} (México)`);
    // Mexico runs the case: Guatemala cannot open it, and is told how it would reach them.
    expect(await item.getByRole('link', { name: 'Abrir el caso' }).count()).toBe(0);
    expect(text).toContain('llegará por un traspaso');
    await screenshot(page, 'unread');

    await item.getByRole('button', { name: 'Marcar como leído' }).click();
    await expect.poll(() => item.innerText()).not.toContain('Nuevo');
    await expect.poll(() => nav.getByRole('link', { name: /^Avisos/ }).innerText()).toBe('Avisos');
    await screenshot(page, 'read');

    // Read for this focal point only: Guatemala's supervisor still has it unread.
    const supervisor = await loginAs(browser, stack.url, 'supervisor.gt');
    await expect
      .poll(() =>
        supervisor.page
          .getByRole('navigation', { name: 'Principal' })
          .getByRole('link', { name: /^Avisos/ })
          .innerText(),
      )
      .toBe('Avisos (1 sin leer)');
  });
});
