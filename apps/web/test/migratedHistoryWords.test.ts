// A case migrated to a newer protocol version keeps its history as it happened: the steps taken
// before the migration read with the stages, steps, forms and field labels of the version they
// ran under, those after it with the new version's, and the migration says from which version to
// which and where each stage went, in Spanish and in English; the audit replay names each event
// by its own version too. Screenshots go to test-artifacts/migrated-history-words/.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CaseView, ResolvedProtocol } from '../src/api/types.js';
import { apiAs, samplesFor, type ApiClient } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('migrated-history-words');

type Text = { es: string; en: string };
type Titled = { meta: { title: Text }; states?: Record<string, Titled> };

/** What version 2 renames: the titles version 1 gives, and the ones version 2 gives instead. */
const RENAMED = {
  intake: {
    v1: { es: 'Ingreso del caso', en: 'Case intake' },
    v2: { es: 'Apertura del expediente', en: 'File opening' },
  },
  placement: { v2: { es: 'Albergue y salud de urgencia', en: 'Emergency shelter and health' } },
  screened: {
    v1: { es: 'Registrar tamizaje', en: 'Record screening' },
    v2: { es: 'Cerrar el tamizaje', en: 'Close the screening' },
  },
  shelterDone: {
    v1: { es: 'Registrar albergue y salud', en: 'Record shelter and health' },
    v2: { es: 'Dar por asegurados albergue y salud', en: 'Confirm shelter and health' },
  },
  detectionForm: {
    v1: {
      es: 'Detección y tamizaje con indicadores de sospecha',
      en: 'Detection and screening against indicators of suspicion',
    },
    v2: { es: 'Ficha de detección', en: 'Detection sheet' },
  },
  sex: { v1: { es: 'Sexo', en: 'Sex' }, v2: { es: 'Sexo registrado', en: 'Recorded sex' } },
  shelterForm: {
    v1: { es: 'Albergue y salud', en: 'Shelter and health' },
    v2: { es: 'Ficha de albergue', en: 'Shelter sheet' },
  },
} as const;

/** Publishes child-repatriation@2: version 1 with the titles of RENAMED changed. */
async function publishRenamedVersion(designer: ApiClient): Promise<ResolvedProtocol> {
  type Form = ResolvedProtocol['forms'][string] & { $schema?: string };
  const v1 = (await designer.get<ResolvedProtocol>('/api/protocols/child-repatriation/versions/1')).body;
  const {
    forms,
    invariantsInForce: _i,
    base: _b,
    ...rest
  } = v1 as ResolvedProtocol & {
    invariantsInForce?: unknown;
    base?: unknown;
  };
  const file = structuredClone({ ...rest, kind: 'protocol', version: 2 }) as typeof rest & { kind: string };
  const states = file.machine.states as Record<string, Titled>;
  states.intake!.meta.title = { ...RENAMED.intake.v2 };
  const protection = states.identification!.states!.protection!.states!;
  protection.shelterHealth!.states!.placement!.meta.title = { ...RENAMED.placement.v2 };
  file.events.SCREENED!.title = { ...RENAMED.screened.v2 };
  file.events.SHELTER_AND_HEALTH_RECORDED!.title = { ...RENAMED.shelterDone.v2 };
  const edited = (id: string, change: (f: Form) => void) => {
    // "$" keys are refused in any request: "$schema" stays home.
    const { $schema: _s, ...form } = structuredClone(forms[id]!) as Form;
    form.version += 1;
    change(form);
    return form;
  };
  const detection = edited('cr-detection', (f) => {
    f.title = { ...RENAMED.detectionForm.v2 };
    f.schema.properties!.sex!['x-label'] = { ...RENAMED.sex.v2 };
  });
  const shelter = edited('cr-shelter-health', (f) => {
    f.title = { ...RENAMED.shelterForm.v2 };
  });
  const created = await designer.post<{ id: string }>('/api/protocol-drafts', {
    file,
    forms: { 'cr-detection': detection, 'cr-shelter-health': shelter },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await designer.post(`/api/protocol-drafts/${created.body.id}/publish`, {});
  expect(published.status, JSON.stringify(published.body)).toBe(201);
  return (await designer.get<ResolvedProtocol>('/api/protocols/child-repatriation/versions/2')).body;
}

/** Sends `event` with the first of `samples` the case takes; the new view. */
async function step(
  client: ApiClient,
  caseId: string,
  event: string,
  samples: (Record<string, unknown> | undefined)[],
): Promise<CaseView> {
  const before = (await client.get<CaseView>(`/api/cases/${caseId}`)).body;
  for (const data of samples) {
    const r = await client.post<CaseView>(`/api/cases/${caseId}/steps`, {
      event,
      ...(data === undefined ? {} : { data }),
      expectedVersion: before.version,
    });
    if (r.status === 200) return r.body;
  }
  throw new Error(`case ${caseId} did not take ${event}`);
}

/** The text of each item of the history, its recorded data opened. */
async function historyItems(page: Page): Promise<string[]> {
  const items = page.locator('.timeline-item');
  await expect.poll(() => items.count(), { timeout: 20_000 }).toBe(5);
  const closed = page.locator('.timeline-item details:not([open]) > summary');
  while ((await closed.count()) > 0) await closed.first().click();
  return items.allInnerTexts();
}

describe('a case migrated to a version that renames its stages, steps and forms', () => {
  it('reads before the migration in the words of version 1, after it in those of version 2, in es and en', async () => {
    const { stack, browser, screenshot } = suite;
    const designer = await apiAs(stack.url, 'designer.regional');
    const v1 = (await designer.get<ResolvedProtocol>('/api/protocols/child-repatriation/versions/1')).body;
    const v2 = await publishRenamedVersion(designer);
    const placementV1 = v1.machine.states.identification!.states!.protection!.states!.shelterHealth!.states!
      .placement!.meta.title as Text;

    const worker = await apiAs(stack.url, 'caseworker.gt');
    const opened = await worker.post<CaseView>('/api/cases', {
      protocol: { id: 'child-repatriation', version: 1 },
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.case.id;
    await step(worker, caseId, 'DETECT', [undefined]);
    // Detected an hour ago: the 24-hour alert is not due while the test runs.
    const detectedAt = new Date(Date.now() - 3_600_000).toISOString();
    const screened = await step(
      worker,
      caseId,
      'SCREENED',
      samplesFor(v1, 'cr-detection').map((s) => ({ ...s, detectedAt })),
    );
    const supervisor = await apiAs(stack.url, 'supervisor.gt');
    const mapping = Object.fromEntries(screened.state.active.map((s) => [s.path, s.path]));
    const migrated = await supervisor.post<CaseView>(`/api/cases/${caseId}/migrate`, {
      to: { id: 'child-repatriation', version: 2 },
      mapping,
      expectedVersion: screened.version,
    });
    expect(migrated.status, JSON.stringify(migrated.body)).toBe(200);
    await step(worker, caseId, 'SHELTER_AND_HEALTH_RECORDED', samplesFor(v2, 'cr-shelter-health'));

    const { page } = await loginAs(browser, stack.url, 'caseworker.gt');
    await page.goto(`/cases/${encodeURIComponent(caseId)}`);
    for (const lang of ['es', 'en'] as const) {
      if (lang === 'en') {
        await page.getByRole('button', { name: 'English' }).click();
        await page.locator('html[lang=en]').waitFor({ state: 'attached' });
      }
      const [open, detect, screening, migration, shelter] = await historyItems(page);
      await screenshot(page, `history-${lang}`);
      // Before the migration: version 1's words, though the case now runs under version 2.
      expect(open).toContain(RENAMED.intake.v1[lang]);
      expect(open).not.toContain(RENAMED.intake.v2[lang]);
      expect(detect).toContain(v1.events.DETECT!.title[lang]);
      expect(screening).toContain(RENAMED.screened.v1[lang]);
      expect(screening).toContain(placementV1[lang]);
      expect(screening).toContain(RENAMED.detectionForm.v1[lang]);
      expect(screening).toMatch(new RegExp(`^${RENAMED.sex.v1[lang]}$`, 'm'));
      for (const v2Word of [RENAMED.screened, RENAMED.placement, RENAMED.detectionForm, RENAMED.sex])
        expect(screening).not.toContain(v2Word.v2[lang]);
      // The migration says from which version to which, and where each stage went.
      expect(migration).toContain(
        lang === 'es' ? 'Migrado de la versión 1 a la 2' : 'Migrated from version 1 to version 2',
      );
      expect(migration).toMatch(new RegExp(`${placementV1[lang]} → ${RENAMED.placement.v2[lang]}`));
      // After it: version 2's words.
      expect(shelter).toContain(RENAMED.shelterDone.v2[lang]);
      expect(shelter).toContain(RENAMED.shelterForm.v2[lang]);
      expect(shelter).not.toContain(RENAMED.shelterDone.v1[lang]);
    }

    // The auditor's replay names each event by the version it ran under.
    const audit = await loginAs(browser, stack.url, 'auditor.gt');
    await audit.page.goto(`/cases/${encodeURIComponent(caseId)}`);
    const panel = audit.page.locator('.audit-panel');
    await panel.getByRole('button', { name: 'Reproducir el historial' }).click();
    const rows = panel.locator('table.audit-table tbody th');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(5);
    expect(await rows.allInnerTexts()).toEqual([
      'Caso abierto',
      v1.events.DETECT!.title.es,
      RENAMED.screened.v1.es,
      'Migrado de la versión 1 a la 2',
      RENAMED.shelterDone.v2.es,
    ]);
    await screenshot(audit.page, 'audit-replay');
  }, 180_000);
});
