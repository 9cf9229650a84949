// A protocol started from scratch on the real stack (FerretDB, the server with the demo users, the
// built app, Debian's chromium): Guatemala's designer opens "Nuevo protocolo", is told what to fix
// in the form (and that an id is taken, here or in another country's drafts), creates the
// protocol, names the institution of its first step, verifies and publishes it; a Guatemalan case
// worker opens a case under it and closes it. Screenshots go to test-artifacts/designer-new-protocol/.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ResolvedProtocol } from '@ruta/protocol';
import { newProtocolSkeleton } from '../src/designer/model/newProtocolSkeleton.js';
import { apiAs } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { fillForm } from './helpers/fillForm.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('designer-new-protocol');
const ID = 'trata-laboral-guatemala';

async function type(locator: Locator, text: string) {
  await locator.fill('');
  await locator.pressSequentially(text, { delay: 5 });
}

/** The errors the new-protocol form shows, in order. */
const formErrors = (page: Page) =>
  page.locator('[data-testid=new-protocol-form] [role=alert]').allInnerTexts();

describe("Guatemala's protocol designer", () => {
  it('creates a protocol from scratch, verifies and publishes it; a Guatemalan case worker runs a case under it', async () => {
    const { stack, browser, screenshot } = suite;
    // El Salvador is drafting a protocol whose id Guatemala's designer will try: only the server knows.
    const salvador = await apiAs(stack.url, 'designer.sv');
    const elsewhere = newProtocolSkeleton({
      id: 'trata-laboral-gt',
      title: { es: 'Trata laboral', en: 'Labour trafficking' },
      population: 'adult',
      jurisdiction: 'SV',
    });
    expect((await salvador.post('/api/protocol-drafts', elsewhere)).status).toBe(201);

    const { page } = await loginAs(browser, stack.url, 'designer.gt');
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.waitForURL(/\/designer$/);
    await page.locator('[data-testid=designer-list]').waitFor();
    await screenshot(page, 'start-page');
    await page.getByRole('button', { name: 'Nuevo protocolo' }).click();
    const form = page.locator('[data-testid=new-protocol-form]');
    await form.waitFor();
    expect(await form.locator('[data-testid=new-protocol-jurisdiction]').innerText()).toBe(
      'Nacional de Guatemala: para los casos de ese país',
    );
    await screenshot(page, 'new-protocol-form');

    // Sent empty: each field says what it needs, and nothing is created.
    await form.getByRole('button', { name: 'Crear el protocolo' }).click();
    expect(await formErrors(page)).toEqual([
      'Escriba el título en español. Escriba el título en inglés.',
      'Escriba el identificador con letras minúsculas, números y guiones, empezando por una letra, p. ej. trata-laboral-gt.',
      'Elija para quién es el protocolo.',
    ]);
    expect(await form.locator('[name="new-protocol-id"]').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'new-protocol-errors');

    // The id is suggested from the Spanish title, with the country.
    await type(form.locator('[name="new-protocol-title-es"]'), 'Trata con fines de explotación laboral');
    await type(form.locator('[name="new-protocol-title-en"]'), 'Trafficking for labour exploitation');
    expect(await form.locator('[name="new-protocol-id"]').inputValue()).toBe(
      'trata-con-fines-de-explotacion-laboral-gt',
    );
    await form.getByLabel('Personas adultas (18 años o más)').check();

    // An id a published protocol has is refused on the page.
    await type(form.locator('[name="new-protocol-id"]'), 'child-repatriation-gt');
    await form.getByRole('button', { name: 'Crear el protocolo' }).click();
    expect(await formErrors(page)).toEqual([
      'Ya hay un protocolo publicado con el identificador «child-repatriation-gt»: elija otro.',
    ]);
    // One another country drafts is refused by the server, said in the designer's language.
    await type(form.locator('[name="new-protocol-id"]'), 'trata-laboral-gt');
    await form.getByRole('button', { name: 'Crear el protocolo' }).click();
    await expect
      .poll(() => formErrors(page))
      .toEqual([
        'Otra jurisdicción está preparando un protocolo «trata-laboral-gt»: elija otro identificador.',
      ]);
    await screenshot(page, 'new-protocol-id-taken-elsewhere');
    const designer = await apiAs(stack.url, 'designer.gt');
    expect((await designer.get<unknown[]>('/api/protocol-drafts')).body).toEqual([]);

    await type(form.locator('[name="new-protocol-id"]'), ID);
    await form.getByRole('button', { name: 'Crear el protocolo' }).click();
    await page.waitForURL(/\/designer\/drafts\//);
    const intake = page.locator('.react-flow__node[data-id="intake"]');
    await intake.waitFor();
    expect(await page.locator('.dz-editor-title').innerText()).toContain(`${ID}@1`);
    await page.locator('.react-flow__node[data-id="closed"]').waitFor();

    // A little: the institution that receives the cases.
    await intake.click();
    await page.locator('button[name="tab-properties"]').click();
    const state = page.locator('[data-testid=state-panel]');
    await type(state.locator('[name="state-institution-es"]'), 'SVET');
    await type(state.locator('[name="state-institution-en"]'), 'SVET (anti-trafficking secretariat)');
    await expect
      .poll(() => page.locator('.dz-save').getAttribute('data-save'), { timeout: 15_000 })
      .toBe('saved');

    // It verifies, with the regional invariants for adults in force and holding.
    await page.locator('button[name="tab-verify"]').click();
    const verify = page.locator('[data-testid=verify-panel]');
    await expect
      .poll(async () => (await verify.count()) === 1 && (await verify.getAttribute('aria-busy')) !== 'true', {
        timeout: 20_000,
      })
      .toBe(true);
    expect(await verify.locator('[data-verdict]').getAttribute('data-verdict')).toBe('pass');
    expect(await verify.locator('.dz-invariants li').count()).toBeGreaterThan(0);
    expect(await verify.locator('.dz-invariants .is-fail').count()).toBe(0);
    await screenshot(page, 'draft-verifies');

    await page.locator('button[name="publish"]').click();
    await page.locator('[data-testid=published]').waitFor({ timeout: 60_000 });
    expect(await page.locator('h1').innerText()).toContain(`${ID}@1`);
    // The first version has nothing earlier to compare with.
    expect(await page.locator('[data-testid=compare-published]').count()).toBe(0);
    await screenshot(page, 'published');
    expect(pageErrors).toEqual([]);

    // A Guatemalan case worker opens a case under it and takes it through its one step.
    const worker = await loginAs(browser, stack.url, 'caseworker.gt');
    await worker.page.locator('#open-protocol').selectOption(`${ID}@1`);
    await worker.page.getByRole('button', { name: 'Abrir caso' }).click();
    await worker.page.waitForURL(/\/cases\//);
    const panel = worker.page.locator('section.step-panel').first();
    await panel.waitFor();
    expect(await panel.innerText()).toContain('SVET');
    const protocol = (await designer.get<ResolvedProtocol>(`/api/protocols/${ID}/versions/1`)).body;
    const intakeForm = protocol.forms[`${ID}-intake`]!;
    await fillForm(panel, intakeForm, intakeForm.examples![0]!, 'es');
    await screenshot(worker.page, 'case-intake');
    await worker.page.getByRole('button', { name: 'Registrar la recepción', exact: true }).click();
    await worker.page.locator('.closed-panel').waitFor({ timeout: 20_000 });
    await screenshot(worker.page, 'case-closed');
  }, 300_000);
});
