// A designer discards a draft begun by mistake, on the real stack (FerretDB, the server with the
// demo users, the built app, Debian's chromium): the dialog says what will be lost, cancelling
// keeps the draft, confirming removes it from "Mis borradores" and the protocol's card offers a
// new draft again; a draft saved meanwhile in another tab is not discarded, and the page says so.
// Screenshots go to test-artifacts/designer-discard/.
import { describe, expect, it } from 'vitest';
import { apiAs } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('designer-discard');

interface Draft {
  id: string;
  revision: number;
  file: Record<string, unknown>;
}

/**
 * Guatemala's designer with a new variant draft of the regional `protocolId` (begun over the API),
 * and the designer's list open in the browser showing it as `ref`.
 */
async function listWithDraftOf(protocolId: string, ref: string) {
  const designer = await apiAs(suite.stack.url, 'designer.gt');
  const begun = await designer.post<Draft>(`/api/protocols/${protocolId}/versions/1/variants`, {
    jurisdiction: 'GT',
  });
  expect(begun.status).toBe(201);
  const { page } = await loginAs(suite.browser, suite.stack.url, 'designer.gt');
  await page.goto('/designer');
  const list = page.locator('[data-testid=designer-list]');
  await list.locator(`a[data-draft="${ref}"]`).waitFor();
  return { designer, begun, page, list };
}

describe('a national designer discarding a draft', () => {
  it('asks first, then removes it from the list and offers to begin the version again', async () => {
    // Begun by mistake: the next version of Guatemala's child repatriation variant.
    const { designer, begun, page, list } = await listWithDraftOf(
      'child-repatriation',
      'child-repatriation-gt@2',
    );
    const card = list.locator('.dz-card[data-protocol="child-repatriation-gt"]');
    expect(await card.locator('a[data-open-draft]').innerText()).toBe(
      'Seguir con el borrador de la versión 2',
    );

    // The dialog says what will be lost; cancelling keeps the draft.
    const discard = list.getByRole('button', { name: 'Descartar el borrador de child-repatriation-gt@2' });
    await discard.click();
    const dialog = page.getByRole('dialog', {
      name: '¿Descartar el borrador «Repatriación de niñas, niños y adolescentes víctimas de trata — Guatemala» (child-repatriation-gt@2)?',
    });
    await dialog.waitFor();
    const said = await dialog.innerText();
    expect(said).toContain('Se perderá todo lo editado en este borrador desde que se empezó');
    expect(said).toContain('No se puede deshacer.');
    expect(said).toContain('Último guardado: ');
    expect(said).toContain('Las versiones publicadas y los casos no cambian');
    // Focus starts on the harmless answer.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancelar');
    await suite.screenshot(page, 'discard-dialog');
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await list.locator('a[data-draft="child-repatriation-gt@2"]').count()).toBe(1);
    expect((await designer.get<Draft[]>('/api/protocol-drafts')).body.map((d) => d.id)).toEqual([
      begun.body.id,
    ]);

    // Confirmed: gone from the list, and the card offers to begin version 2 again.
    await discard.click();
    await dialog.getByRole('button', { name: 'Descartar borrador' }).click();
    const notice = page.locator('[data-testid=discard-notice]');
    await notice.waitFor();
    expect(await notice.innerText()).toBe('Se descartó el borrador child-repatriation-gt@2.');
    expect(await notice.getAttribute('role')).toBe('status');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'discard-notice',
    );
    expect(await list.locator('a[data-draft]').count()).toBe(0);
    expect(await list.getByText('No hay borradores.', { exact: false }).count()).toBe(1);
    expect(await card.locator('a[data-open-draft]').count()).toBe(0);
    await card.getByRole('button', { name: 'Borrador de la versión 2' }).waitFor();
    await suite.screenshot(page, 'after-discard');
    expect((await designer.get<Draft[]>('/api/protocol-drafts')).body).toEqual([]);
    expect((await designer.get(`/api/protocol-drafts/${begun.body.id}`)).status).toBe(404);
    await page.context().close();
  }, 120_000);

  it('does not discard a draft saved in another tab since the list was read, and says so', async () => {
    const { designer, begun, page, list } = await listWithDraftOf(
      'voluntary-return',
      'voluntary-return-gt@1',
    );

    // Another tab saves the draft while this list is open.
    const saved = await designer.put<Draft>(`/api/protocol-drafts/${begun.body.id}`, {
      file: {
        ...begun.body.file,
        title: { es: 'Retorno voluntario — GT, revisado', en: 'Voluntary return — GT, revised' },
      },
      expectedRevision: 1,
    });
    expect(saved.body.revision).toBe(2);

    const discard = list.getByRole('button', { name: 'Descartar el borrador de voluntary-return-gt@1' });
    await discard.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Descartar borrador' }).click();
    const notice = page.locator('[data-testid=discard-notice]');
    await notice.waitFor();
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.innerText()).toContain('se guardó después de que se abrió esta lista');
    // Still there, with the other tab's save; discarding it now, knowingly, works.
    await list.getByText('Retorno voluntario — GT, revisado').waitFor();
    expect((await designer.get<Draft>(`/api/protocol-drafts/${begun.body.id}`)).body.revision).toBe(2);
    await suite.screenshot(page, 'saved-meanwhile');
    await discard.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Descartar borrador' }).click();
    await expect.poll(() => notice.innerText()).toBe('Se descartó el borrador voluntary-return-gt@1.');
    expect(await list.locator('a[data-draft]').count()).toBe(0);
    await page.context().close();
  }, 120_000);
});
