// After a button that is disabled or removed while it works, keyboard focus goes somewhere
// sensible instead of falling to <body> (where a keyboard or screen-reader user would have to
// start the page again): the receiving form of a handover, the next alert, the new account's
// notice. And accepting a handover opens its receiving form before sending anything: no empty
// accept refused with 422, no errors before the focal point typed. In the real app (FerretDB,
// the server, the built app, Debian's chromium); screenshots go to test-artifacts/focus/.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { CaseView, ResolvedProtocol } from '../src/api/types.js';
import { apiAs, driveCase, openNewest, samplesFor } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { fillForm } from './helpers/fillForm.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('focus');

/** A Mexican child-repatriation case of a Guatemalan child, stepped until `until` holds. */
async function mexicanCase(until: (v: CaseView) => boolean): Promise<string> {
  const caseId = await openNewest(suite.stack.url, 'caseworker.mx', 'child-repatriation-mx');
  await driveCase(suite.stack.url, caseId, 'MX', until);
  return caseId;
}

/** The focused element, described: tag, id, class and the start of its text. */
function focused(page: Page): Promise<{ tag: string; id: string; className: string; text: string }> {
  return page.evaluate(() => {
    const el = document.activeElement ?? document.body;
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      className: typeof el.className === 'string' ? el.className : '',
      text: (el.textContent ?? '').trim().slice(0, 80),
    };
  });
}

describe('keyboard focus after an action', () => {
  it('accepting a handover opens its receiving form, focused, with nothing sent and no errors yet', async () => {
    const caseId = await mexicanCase((v) => v.handovers.some((h) => h.toCountry === 'GT'));
    const { page } = await loginAs(suite.browser, suite.stack.url, 'focalpoint.gt');
    const accepts: { body: string | null }[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/api\/handovers\/[^/]+\/accept$/.test(new URL(r.url()).pathname))
        accepts.push({ body: r.postData() });
    });
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.getByRole('link', { name: 'Traspasos' }).click();
    const card = page.locator('.handover-card', { hasText: caseId });
    await card.waitFor();
    await card.locator('dd', { hasText: 'Repatriación' }).first().waitFor();

    await card.getByRole('button', { name: 'Aceptar y abrir caso' }).focus();
    await page.keyboard.press('Enter');
    const receive = card.locator('.receive-form');
    await receive.waitFor();
    await expect
      .poll(() => focused(page))
      .toMatchObject({ tag: 'p', text: expect.stringMatching(/^Para recibir el caso, complete/) });
    expect(accepts).toEqual([]);
    expect(consoleErrors).toEqual([]);
    // Filled in from the packet, with nothing said wrong before the focal point typed.
    expect(await receive.locator('[id$="_sendingCountry"]').inputValue()).not.toBe('');
    expect(await receive.locator('[id$="_nationality"]').inputValue()).not.toBe('');
    expect(await receive.locator('[id$="__error"], .error-summary, [aria-invalid=true]').count()).toBe(0);
    await suite.screenshot(page, 'receive-form-opened');

    // Sending it empty-handed is stopped in the browser: still nothing sent.
    await receive.getByRole('button', { name: 'Recibir el caso' }).click();
    await receive.locator('[id$="_portOfEntry__error"]').waitFor();
    expect(accepts).toEqual([]);

    // The server refuses a changed attested value: its reason shows on that field, focused.
    const gt = await apiAs(suite.stack.url, 'focalpoint.gt');
    const versions = (await gt.get<{ id: string; version: number }[]>('/api/protocols')).body;
    const ref = versions
      .filter((p) => p.id === 'child-repatriation-gt')
      .sort((a, b) => b.version - a.version)[0]!;
    const gtProtocol = (await gt.get<ResolvedProtocol>(`/api/protocols/${ref.id}/versions/${ref.version}`))
      .body;
    const receipt = gtProtocol.forms['cr-handover-receipt']!;
    const sample = samplesFor(gtProtocol, receipt.id)[0]!;
    const missing: Record<string, unknown> = {};
    for (const key of ['escortNeeds', 'expectedArrival', 'portOfEntry', 'escortingInstitution'])
      if (!(await receive.locator(`[id$="_${key}"]`).inputValue())) missing[key] = sample[key];
    await fillForm(receive, receipt, missing, 'es');
    const reference = receive.locator('[id$="_sendingCaseReference"]');
    await reference.fill('otro-caso');
    await receive.getByRole('button', { name: 'Recibir el caso' }).click();
    await receive.locator('[id$="_sendingCaseReference__error"]').waitFor();
    expect(accepts).toHaveLength(1);
    await expect.poll(() => focused(page)).toMatchObject({ id: await reference.getAttribute('id') });
    await suite.screenshot(page, 'receive-refused');

    // Corrected, it is received: one more request, and the new case opens.
    await reference.fill(caseId);
    await receive.getByRole('button', { name: 'Recibir el caso' }).click();
    await page.waitForURL(/\/cases\//);
    expect(accepts).toHaveLength(2);
    expect(JSON.parse(accepts[1]!.body!)).toMatchObject({ data: { portOfEntry: expect.any(String) } });
  }, 300_000);

  it('cancelling the receiving form gives focus back to the accept button', async () => {
    const caseId = await mexicanCase((v) => v.handovers.some((h) => h.toCountry === 'GT'));
    const { page } = await loginAs(suite.browser, suite.stack.url, 'focalpoint.gt');
    await page.getByRole('link', { name: 'Traspasos' }).click();
    const card = page.locator('.handover-card', { hasText: caseId });
    await card.getByRole('button', { name: 'Aceptar y abrir caso' }).click();
    await card.locator('.receive-form').waitFor();
    await card.getByRole('button', { name: 'Cancelar' }).click();
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'button', text: 'Aceptar y abrir caso' });
  }, 300_000);

  it('marking an alert read moves focus to the next unread alert', async () => {
    // Two Mexican cases, each up to Guatemala's 24-hour alert (a region of its own: stop once it
    // has been pending and is no longer).
    for (let i = 0; i < 2; i++) {
      let pending = false;
      await mexicanCase((v) => {
        const waiting = /"alert":"(pending|overdue)"/.test(JSON.stringify(v.state.value));
        pending ||= waiting;
        return pending && !waiting;
      });
    }
    const page = (await loginAs(suite.browser, suite.stack.url, 'focalpoint.gt')).page;
    await page.goto('/alerts');
    const unread = page.locator('.alert-item.alert-unread');
    await expect.poll(() => unread.count()).toBeGreaterThanOrEqual(2);
    /** An alert told apart from the others by its meta line (when, which case) and reason. */
    const keyOf = (item: Locator) =>
      item.evaluate(
        (li) =>
          `${li.querySelector('p.muted')?.textContent} ${li.querySelector('.alert-reason')?.textContent?.replace('Nuevo', '').trim()}`,
      );
    const focusedAlert = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        const li = el?.closest('.alert-item');
        if (!el || !li) return { tag: el?.tagName.toLowerCase() ?? '', key: '' };
        return {
          tag: el.tagName.toLowerCase(),
          key: `${li.querySelector('p.muted')?.textContent} ${li.querySelector('.alert-reason')?.textContent?.replace('Nuevo', '').trim()}`,
        };
      });
    const first = await keyOf(unread.first());
    const second = await keyOf(unread.nth(1));

    await unread.first().getByRole('button', { name: 'Marcar como leído' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedAlert()).toEqual({ tag: 'li', key: second });
    expect(first).not.toBe(second);
    await suite.screenshot(page, 'alert-read');

    // The last unread ones: once none is left, focus stays on the one just read.
    for (let left = await unread.count(); left > 0; left--) {
      const last = await keyOf(unread.last());
      await unread.last().getByRole('button', { name: 'Marcar como leído' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => unread.count()).toBe(left - 1);
      if (left === 1) await expect.poll(() => focusedAlert()).toEqual({ tag: 'li', key: last });
    }
  }, 300_000);

  it("creating an account moves focus to the notice that says it was created, a refusal to the server's reason", async () => {
    const { page } = await loginAs(suite.browser, suite.stack.url, 'admin.gt');
    await page.locator('table.users-table tbody tr').first().waitFor();
    const fill = async (username: string) => {
      await page.getByLabel('Nombre completo').fill('Rosa Ixcot');
      await page.getByLabel('Usuario', { exact: true }).fill(username);
      await page.getByLabel('Contraseña inicial').fill('tamal de elote con café');
    };
    await fill('rosa.ixcot.gt');
    await page.getByRole('button', { name: 'Crear cuenta' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'p', text: 'Cuenta rosa.ixcot.gt creada.' });
    await suite.screenshot(page, 'account-created');

    await fill('rosa.ixcot.gt');
    await page.getByRole('button', { name: 'Crear cuenta' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => focused(page))
      .toMatchObject({ tag: 'p', className: expect.stringContaining('alert-error') });
    expect((await focused(page)).text).toMatch(/no está disponible/);

    // A problem the browser finds: focus on the field to fix.
    await page.getByLabel('Nombre completo').fill('');
    await page.getByRole('button', { name: 'Crear cuenta' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatchObject({ id: 'new-user-name' });
  });
});
