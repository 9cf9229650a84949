// The stages where a case may be handed over to another country (meta.handover) are marked on
// the charts, in the real app (FerretDB, the server, the built app, Debian's chromium): on the
// designer's chart a ⇄ badge in the corner of the step, named for screen readers in es and en,
// beside the title rather than over it, with a legend; on a case page's stage chart the same
// mark after the stage's title and in the legend. Screenshots go to test-artifacts/chart-handover-marks/.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { caseReadyForHandover } from './helpers/apiDriver.js';
import { browserSuite } from './helpers/browserSuite.js';
import { loginAs } from './helpers/session.js';

const suite = browserSuite('chart-handover-marks');

const COORDINATION = 'solution.coordination';
const THIRD_COUNTRY = 'solution.thirdCountryCoordination';
const node = (page: Page, statePath: string) => page.locator(`.react-flow__node[data-id="${statePath}"]`);

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}

describe('stages that allow a handover, on the charts', () => {
  it("the designer's chart marks them with a named badge beside the title, and a legend", async () => {
    const { page } = await loginAs(suite.browser, suite.stack.url, 'designer.hn');
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto('/designer');
    await page.locator('button[name="derive-child-repatriation"]').click();
    await page.waitForURL(/\/designer\/drafts\//);
    await page.getByRole('button', { name: 'Ver todo el diagrama' }).click();
    const coordination = node(page, COORDINATION);
    await coordination.waitFor();
    // Zoomed in on the coordination, to read it (and see it) as a designer would.
    const at = await box(coordination);
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -300);
    await expect.poll(async () => (await box(coordination)).width, { timeout: 10_000 }).toBeGreaterThan(150);

    await suite.screenshot(page, 'designer-chart-handover-es');
    const badge = coordination.getByRole('img', { name: 'Aquí se puede traspasar el caso a otro país' });
    expect(await badge.innerText()).toBe('⇄');
    expect(await node(page, THIRD_COUNTRY).getByRole('img').count()).toBe(1);
    // Only those two stages of the protocol are marked.
    expect(await page.locator('.react-flow__node [data-handover]').count()).toBeLessThanOrEqual(2);
    expect(await node(page, 'solution.decision').locator('[data-handover]').count()).toBe(0);
    // Inside its step, clear of the title's text.
    const step = await box(coordination);
    const mark = await box(badge);
    expect(mark.x).toBeGreaterThanOrEqual(step.x);
    expect(mark.y).toBeGreaterThanOrEqual(step.y);
    expect(mark.x + mark.width).toBeLessThanOrEqual(step.x + step.width);
    expect(mark.y + mark.height).toBeLessThanOrEqual(step.y + step.height);
    // The title's text (cut with an ellipsis where it is long) ends before the badge.
    const titleEnd = await coordination.locator('.dz-node-title').evaluate((el) => {
      const shown = el.getBoundingClientRect();
      // The chart is zoomed: the padding on screen is the CSS padding times the zoom.
      const zoom = shown.width / (el as HTMLElement).offsetWidth;
      return shown.right - parseFloat(getComputedStyle(el).paddingRight) * zoom;
    });
    expect(titleEnd).toBeLessThanOrEqual(mark.x + 0.5);
    const legend = page.getByRole('note', { name: 'Leyenda del diagrama' });
    expect(await legend.innerText()).toBe('⇄ se puede traspasar el caso a otro país');

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect
      .poll(() =>
        coordination
          .getByRole('img', { name: 'The case may be handed over to another country here' })
          .count(),
      )
      .toBe(1);
    expect(await page.getByRole('note', { name: 'Chart legend' }).innerText()).toBe(
      '⇄ the case may be handed over to another country',
    );
    await suite.screenshot(page, 'designer-chart-handover-en');
    await page.context().close();
  }, 300_000);

  it("a case page's stage chart marks them after the title, and in its legend", async () => {
    const { url } = suite.stack;
    const ready = await caseReadyForHandover(url, 'caseworker.mx');
    const { page } = await loginAs(suite.browser, url, 'caseworker.mx');
    await page.goto(`/cases/${ready}`);
    const chart = page.getByRole('navigation', { name: 'Etapas del protocolo' });
    const marks = chart.getByRole('img', { name: 'aquí se puede traspasar el caso a otro país' });
    await marks.first().waitFor({ timeout: 20_000 });
    // The two coordinations of the solution stage, and nothing else.
    expect(
      await marks.evaluateAll((els) => els.map((el) => el.closest('.chart-title')!.textContent)),
    ).toEqual(['Coordinación entre enlaces\u00a0⇄', 'Coordinación con el tercer país\u00a0⇄']);
    await suite.screenshot(page, 'case-chart-handover-es');
    // Within its stage's title, at the end of it (a long title wraps with it).
    const mark = marks.first();
    const title = await box(mark.locator('xpath=ancestor::span[contains(@class,"chart-title")]'));
    const at = await box(mark);
    expect(at.x).toBeGreaterThanOrEqual(title.x);
    expect(at.x + at.width).toBeLessThanOrEqual(title.x + title.width + 0.5);
    expect(at.y + at.height / 2).toBeGreaterThan(title.y + title.height - 24);
    expect(await chart.locator('.chart-legend').innerText()).toContain('⇄ se puede traspasar a otro país');

    await page.getByRole('button', { name: 'English', exact: true }).click();
    const english = page.getByRole('navigation', { name: 'Protocol stages' });
    await expect
      .poll(() =>
        english.getByRole('img', { name: 'the case may be handed over to another country here' }).count(),
      )
      .toBeGreaterThan(0);
    expect(await english.locator('.chart-legend').innerText()).toContain(
      '⇄ may be handed over to another country',
    );
    await suite.screenshot(page, 'case-chart-handover-en');
    await page.context().close();
  }, 300_000);
});
