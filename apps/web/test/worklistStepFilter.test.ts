// The worklist's "Paso actual" filter lists a protocol's steps as a case goes through them, from
// intake to closure, the order of the case page's stepper (it listed them in the stored
// protocol's key order: arrival and closure before detection, intake in the middle).
import { describe, expect, it } from 'vitest';
import { openNewest } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('worklist-step-filter');

describe("the worklist's step filter", () => {
  it('offers the steps from intake to closure, and finds the cases at the chosen one', async () => {
    const caseId = await openNewest(suite.stack.url, 'caseworker.gt', 'child-repatriation');
    const { page } = await loginAs(suite.browser, suite.stack.url, 'caseworker.gt');
    await page.locator('table.worklist tbody tr').first().waitFor();
    await page
      .locator('#f-protocol')
      .selectOption({ label: 'Repatriación de niñas, niños y adolescentes víctimas de trata' });
    const state = page.locator('#f-state');
    await expect.poll(() => state.isEnabled(), { timeout: 10_000 }).toBe(true);
    const steps = (await state.locator('option').allInnerTexts()).map((s) => s.trim()).slice(1);
    await suite.screenshot(page, 'step-filter');

    expect(steps[0]).toBe('Ingreso del caso');
    expect(steps.at(-1)).toBe('Caso cerrado');
    const at = (title: string) => {
      const i = steps.indexOf(title);
      expect(i, `${title} in ${steps.join(' | ')}`).toBeGreaterThanOrEqual(0);
      return i;
    };
    const path = [
      'Ingreso del caso',
      'Detección y protección inmediata › Detección y tamizaje',
      'Detección y protección inmediata › Verificación de edad, identidad y nacionalidad',
      'Determinación del interés superior › Búsqueda de la familia',
      'Determinación del interés superior › Evaluación de la familia',
      'Búsqueda de la solución duradera › Evaluación de riesgos de seguridad',
      'Búsqueda de la solución duradera › Decisión: retorno, permanencia o tercer país',
      'Viaje acompañado y confidencial',
      'Llegada al país de origen',
      'Recepción por la autoridad de niñez de origen',
      'Plan de reintegración',
      'Caso cerrado',
    ].map(at);
    expect(path).toEqual([...path].sort((a, b) => a - b));

    await state.selectOption({ label: 'Ingreso del caso' });
    await expect.poll(() => page.url()).toContain('state=intake');
    const rows = page.locator('table.worklist tbody tr');
    await rows.filter({ hasText: caseId }).waitFor();
    expect(await rows.count()).toBe(1);
  });
});
