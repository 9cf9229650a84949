// A step the protocol refuses for what the case holds says what it needs in a sentence that
// reads: "No se pudo registrar el paso. Antes hace falta: que se cumpla una de estas
// condiciones: …", where it read "No se pudo registrar el paso: que se cumpla una de estas
// condiciones:" ("The step could not be recorded: one of these conditions to hold:"), in Spanish
// and in English. Real stack, real Chromium.
import { describe, expect, it } from 'vitest';
import type { CaseView, ResolvedProtocol } from '../src/api/types.js';
import { driveCase, openNewest } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { fillForm } from './helpers/fillForm.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('refused-step-needs-first');

describe('a step refused by a condition of the protocol', () => {
  it('says what it needs first, in Spanish and after switching to English', async () => {
    // An adult in irregular status (the first sample detection), whose referral to a durable
    // solution a supervisor decides.
    const caseId = await openNewest(suite.stack.url, 'caseworker.gt', 'victim-attention');
    await driveCase(suite.stack.url, caseId, 'GT', (v) =>
      JSON.stringify(v.state.value).includes('durableSolution'),
    );
    const { page } = await loginAs(suite.browser, suite.stack.url, 'supervisor.gt');
    const view = (await (await page.request.get(`/api/cases/${caseId}`)).json()) as CaseView;
    const protocol = (await (
      await page.request.get(`/api/protocols/${view.protocol.id}/versions/${view.protocol.version}`)
    ).json()) as ResolvedProtocol;
    const action = view.available.find((a) => a.event === 'REFERRED')!;
    await page.goto(`/cases/${encodeURIComponent(caseId)}`);
    const button = page.getByRole('button', { name: action.title.es, exact: true });
    const panel = page.locator('section.step-panel', { has: button });
    // The child-repatriation procedure, for an adult: no way out of the step holds.
    const examples = protocol.forms[action.form!]!.examples as Record<string, unknown>[];
    const forChild = examples.find((e) => e.solution === 'child-repatriation')!;
    await fillForm(panel, protocol.forms[action.form!]!, forChild, 'es');
    await button.click();

    const alert = page.locator('.alert-error', { has: page.locator('.alert-title') });
    await alert.waitFor();
    await suite.screenshot(page, 'refused-es');
    expect(await alert.locator('.alert-title').innerText()).toBe(
      'No se pudo registrar el paso. Antes hace falta:',
    );
    const items = alert.locator(':scope > ul > li');
    expect(await items.first().innerText()).toMatch(/^que se cumpla una de estas condiciones:\n/);
    expect(await alert.innerText()).toContain(
      'Niña, niño o adolescente extranjero: procedimiento de repatriación',
    );
    expect((await (await page.request.get(`/api/cases/${caseId}`)).json()).version).toBe(view.version);

    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('html[lang=en]').waitFor({ state: 'attached' });
    expect(await alert.locator('.alert-title').innerText()).toBe(
      'The step could not be recorded. Needs first:',
    );
    expect(await items.first().innerText()).toMatch(/^one of these conditions to hold:\n/);
    await suite.screenshot(page, 'refused-en');
  }, 180_000);
});
