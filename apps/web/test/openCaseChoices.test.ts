// "Abrir un caso nuevo" offers only what the server opens a case of the user's country under:
// the regional protocols and that country's own national variants, never another country's
// (which the server refuses with 403 national-protocol). In the real app (FerretDB, the server,
// the built app, Debian's chromium).
import { describe, expect, it } from 'vitest';
import type { ProtocolSummary } from '../src/api/types.js';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('open-case-choices');

describe('opening a case', () => {
  it.each([
    ['caseworker.mx', 'MX'],
    ['supervisor.gt', 'GT'],
  ])('%s is offered the regional protocols and those of %s only', async (username, country) => {
    const { page, context } = await loginAs(suite.browser, suite.stack.url, username);
    const all = (await (await page.request.get('/api/protocols')).json()) as ProtocolSummary[];
    const published = all.filter((p) => p.status === 'published');
    // The list the server gives to read holds other countries' variants: the form must leave them out.
    expect(published.some((p) => p.jurisdiction !== 'REGIONAL' && p.jurisdiction !== country)).toBe(true);
    const expected = published
      .filter((p) => p.jurisdiction === 'REGIONAL' || p.jurisdiction === country)
      .map((p) => `${p.id}@${p.version}`);
    expect(
      expected.some((ref) => published.find((p) => `${p.id}@${p.version}` === ref)?.jurisdiction === country),
    ).toBe(true);

    const options = page.locator('#open-protocol option:not([value=""])');
    await options.first().waitFor({ state: 'attached' });
    const offered = await options.evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(offered.sort()).toEqual(expected.sort());

    // And each one offered opens: the server does not refuse the country's own variant.
    const own = published.find((p) => p.jurisdiction === country)!;
    await page.locator('#open-protocol').selectOption(`${own.id}@${own.version}`);
    await page.getByRole('button', { name: 'Abrir caso' }).click();
    await page.waitForURL(/\/cases\//);
    await context.close();
  });
});

describe('who may open a case', () => {
  it.each(['auditor.gt', 'auditor.regional'])('%s is not offered the form to open one', async (username) => {
    const { page, context } = await loginAs(suite.browser, suite.stack.url, username);
    await page.locator('.worklist-main').waitFor();
    expect(await page.locator('#open-protocol').count()).toBe(0);
    await context.close();
  });
});
