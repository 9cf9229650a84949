// A step form with answers not yet sent is not thrown away without a word: leaving by a link,
// "Mis casos" or the back button asks first, a reload or closing the tab gets the browser's own
// question, and a session that ends keeps the page and asks to log in again, after which the
// worker sends what they typed. The quick exit is never held back, and nothing typed is stored
// in the browser. In the real app (FerretDB, the server, the built app, Debian's chromium);
// screenshots go to test-artifacts/unsaved-form/.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CaseView, ResolvedProtocol } from '../src/api/types.js';
import { apiAs, driveCase, openNewest, samplesFor } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { fillForm } from './helpers/fillForm.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('unsaved-form');
const PLACE = 'Albergue Casa Esperanza, Chiapas';

/** A Mexican child-repatriation case at its detection form, opened from the worker's list. */
async function atDetectionForm(): Promise<{ page: Page; caseId: string }> {
  const caseId = await openNewest(suite.stack.url, 'caseworker.mx', 'child-repatriation-mx');
  await driveCase(suite.stack.url, caseId, 'MX', (v) =>
    v.state.active.some((s) => s.path === 'identification.detection'),
  );
  const { page } = await loginAs(suite.browser, suite.stack.url, 'caseworker.mx');
  // In-app navigation, so that "back" returns to the list inside the app.
  await page.locator(`a[href="/cases/${encodeURIComponent(caseId)}"]`).click();
  await page.locator('[id$="_detectionPlace"]').waitFor();
  return { page, caseId };
}

/** Fails the test if the browser shows any dialog of its own (alert, confirm, beforeunload). */
function noBrowserDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (d) => {
    seen.push(d.type());
    void d.dismiss();
  });
  return seen;
}

describe('a step form with answers not sent', () => {
  it('asks before "Mis casos" or the back button leave it, and keeps the answers when the worker stays', async () => {
    const { page, caseId } = await atDetectionForm();
    const place = page.locator('[id$="_detectionPlace"]');
    await place.fill(PLACE);

    await page
      .getByRole('navigation', { name: 'Principal' })
      .getByRole('link', { name: 'Mis casos' })
      .click();
    const dialog = page.getByRole('dialog', { name: '¿Salir sin enviar el formulario?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('si sale, se pierde');
    await suite.screenshot(page, 'leave-asks');
    await dialog.getByRole('button', { name: 'Seguir en el caso' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/cases/${caseId}`);
    expect(await place.inputValue()).toBe(PLACE);

    await page.evaluate(() => history.back());
    await dialog.waitFor();
    expect(await place.inputValue()).toBe(PLACE);
    await dialog.getByRole('button', { name: 'Salir sin enviar' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Mis casos');
  });

  it('lets the worker leave without a question once nothing is typed', async () => {
    const { page } = await atDetectionForm();
    const seen = noBrowserDialogs(page);
    await page.locator('[id$="_detectionPlace"]').fill(PLACE);
    await page.locator('[id$="_detectionPlace"]').fill('');
    await page.getByRole('link', { name: 'Mis casos' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(seen).toEqual([]);
  });

  it('has the browser ask before a reload or closing the tab throws the answers away', async () => {
    const { page } = await atDetectionForm();
    const held = () =>
      page.evaluate(() => {
        const e = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(e);
        return e.defaultPrevented;
      });
    expect(await held()).toBe(false);
    await page.locator('[id$="_detectionPlace"]').fill(PLACE);
    expect(await held()).toBe(true);

    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.type());
        void d.dismiss();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
  });

  it('goes at once on the quick exit, answers or not', async () => {
    const { page } = await atDetectionForm();
    const seen = noBrowserDialogs(page);
    await page.locator('[id$="_detectionPlace"]').fill(PLACE);
    await page.getByRole('button', { name: /Salida rápida/ }).click();
    await page.waitForURL(/\/exit\.html$/);
    expect(seen).toEqual([]);
  });

  it('keeps the page when the session ends on sending, logs in again in place, and then sends the answers', async () => {
    const { page, caseId } = await atDetectionForm();
    const api = await apiAs(suite.stack.url, 'caseworker.mx');
    const view = (await api.get<CaseView>(`/api/cases/${caseId}`)).body;
    const protocol = (
      await api.get<ResolvedProtocol>(`/api/protocols/${view.protocol.id}/versions/${view.protocol.version}`)
    ).body;
    const panel = page.locator('section.step-panel', { has: page.locator('[id$="_detectionPlace"]') });
    await fillForm(panel, protocol.forms['cr-detection']!, samplesFor(protocol, 'cr-detection')[0]!, 'es');
    const place = page.locator('[id$="_detectionPlace"]');
    await place.fill(PLACE);
    // The session ends meanwhile (its time ran out, or it was closed in another window).
    await page.context().clearCookies();
    await page.getByRole('button', { name: 'Registrar tamizaje', exact: true }).click();

    const dialog = page.getByRole('dialog', { name: 'Su sesión terminó' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Lo que escribió sigue en la página');
    await suite.screenshot(page, 'session-ended');
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/cases/${caseId}`);
    expect(await place.inputValue()).toBe(PLACE);
    // Nothing typed went to the browser's storage (the computer may be shared).
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toContain('Esperanza');

    await dialog.getByLabel('Contraseña').fill('wrong password');
    await dialog.getByRole('button', { name: 'Volver a entrar' }).click();
    await expect.poll(() => dialog.locator('[role=alert]').innerText()).toContain('no son correctos');
    await dialog.getByLabel('Contraseña').fill('ruta-demo');
    await dialog.getByRole('button', { name: 'Volver a entrar' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.locator('.case-page .alert-error').innerText()).toContain(
      'Su sesión terminó antes de registrar «Registrar tamizaje»',
    );
    expect(await place.inputValue()).toBe(PLACE);

    // Sent again: recorded, with what was typed before the session ended.
    await page.getByRole('button', { name: 'Registrar tamizaje', exact: true }).click();
    await page
      .locator('[role=status]', { hasText: 'Hecho: Registrar tamizaje' })
      .waitFor({ state: 'attached' });
    const after = (await api.get<CaseView>(`/api/cases/${caseId}`)).body;
    expect(after.version).toBe(view.version + 1);
    // The place is sensitive: the case shows it reserved, and reveals it with a reason.
    expect((after.case.data['cr-detection'] as Record<string, unknown>).detectionPlace).toBe('[reserved]');
    const revealed = await api.post<{ value: unknown }>(`/api/cases/${caseId}/reveal`, {
      form: 'cr-detection',
      field: 'detectionPlace',
      reason: 'Comprobar lo enviado después de volver a entrar',
    });
    expect(revealed.body.value).toBe(PLACE);
  });
});
