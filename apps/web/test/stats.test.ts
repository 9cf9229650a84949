// Guatemala's administrator reads the anonymised statistics in the real app (FerretDB, the
// server, the built app, Debian's chromium): counts rounded down to a multiple of 5, cells of
// fewer than 5 cases left out and said so; the profile's values by name, not by code.
// Screenshots go to test-artifacts/stats/.
import { PROFILE_VOCABULARY, type ResolvedProtocol } from '@ruta/protocol';
import { describe, expect, it } from 'vitest';
import type { CaseView } from '../src/api/types.js';
import { apiAs, driveCase } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('stats');

describe('the statistics page', () => {
  it('shows anonymised counts by protocol, rounded, with small cells withheld', async () => {
    const { stack, browser, screenshot } = suite;
    const gt = await apiAs(stack.url, 'caseworker.gt');
    const open = async (id: string) => {
      const r = await gt.post<CaseView>('/api/cases', { protocol: { id, version: 1 } });
      expect(r.status).toBe(201);
      return r.body;
    };
    // Six children detected alike (the detection form's same sample): their profile is recorded.
    let driven: CaseView | undefined;
    for (let i = 0; i < 6; i++) {
      const opened = await open('child-repatriation-gt');
      driven = await driveCase(
        stack.url,
        opened.case.id,
        'GT',
        (v) => v.case.profile.exploitation !== undefined,
      );
    }
    for (let i = 0; i < 3; i++) await open('victim-attention-gt');

    const { page } = await loginAs(browser, stack.url, 'admin.gt');
    await page
      .getByRole('navigation', { name: 'Principal' })
      .getByRole('link', { name: 'Estadísticas' })
      .click();
    // The page is loaded on demand: wait for it, then pick its dimensions by their exact names
    // (the page left behind may hold other fields whose labels contain the same words).
    await page.getByRole('heading', { name: 'Estadísticas', level: 1 }).waitFor();
    const box = (name: string) => page.getByRole('checkbox', { name, exact: true });
    await box('Protocolo').check();
    await box('País de origen').uncheck();
    const rows = page.locator('table.stats-table tbody tr');
    await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringMatching(/Guatemala\s+5$/)]);
    // Six cases show as 5; the three of victim attention are withheld. The page says that cells
    // under 5 are left out, but not how many were (that would bound the totals).
    const note = await page.locator('.stats-page [role=status]').innerText();
    expect(note).toContain('no se muestran las celdas con menos de 5 casos');
    expect(note).not.toMatch(/omiti/);
    await screenshot(page, 'by-protocol');

    // The profile is shown by name in the page's language, never by the code the form records.
    await box('Forma de explotación').check();
    await box('Sexo').check();
    await box('Protocolo').uncheck();
    const names = (field: keyof typeof PROFILE_VOCABULARY) =>
      PROFILE_VOCABULARY[field].map((v) => v.label.es).join('|');
    await expect
      .poll(() => rows.allInnerTexts())
      .toEqual([expect.stringMatching(new RegExp(`^(${names('sex')})\\s+(${names('exploitation')})\\s+5$`))]);
    await screenshot(page, 'by-profile');

    // Stages by the title the protocol gives them, not by the state's id.
    const value = driven!.case.value;
    const stageId = typeof value === 'string' ? value : Object.keys(value)[0]!;
    const protocol = await gt.get<ResolvedProtocol>('/api/protocols/child-repatriation-gt/versions/1');
    const stage = protocol.body.machine.states![stageId]!.meta;
    await box('Etapa').check();
    await box('Sexo').uncheck();
    await box('Forma de explotación').uncheck();
    // The titles come from every published version the user may see: give them time to load.
    await expect.poll(() => rows.allInnerTexts(), { timeout: 15_000 }).toEqual([`${stage.title.es}\t5`]);
    await screenshot(page, 'by-stage');
  });
});
