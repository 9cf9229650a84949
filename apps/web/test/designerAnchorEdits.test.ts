// What a delay and a setDeadline count from, in the designer's model and panels: changing a
// delay's hours keeps its anchor, the transition panel shows and edits it (es/en, form title ›
// field label), a problem about an anchor leads to the deadline and not to the form field, and a
// national variant makes a base delay count from the step again with "from": null.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyProtocol } from '@ruta/protocol';
import type { Problem } from '@ruta/protocol';
import { TransitionPanel } from '../src/designer/components/TransitionPanel.js';
import { ProtocolPanel } from '../src/designer/components/ProtocolPanel.js';
import { VariantChanges } from '../src/designer/components/VariantChanges.js';
import { registerDesignerTexts } from '../src/designer/i18n/registerDesignerTexts.js';
import { setDelayFrom, setDelayHours } from '../src/designer/model/protocolEdits.js';
import { locateProblem } from '../src/designer/model/locateProblem.js';
import { deriveVariantChanges } from '../src/designer/model/deriveVariantChanges.js';
import type { DesignDoc, TransitionRef } from '../src/designer/model/DesignDoc.js';
import { shipped } from './designerShipped.js';

const i18n = registerDesignerTexts();
const child = shipped('child-repatriation@1');
const ALERT = 'identification.protection.alert.pending';
const wait: TransitionRef = { source: ALERT, event: 'after:alert24h', index: 0 };
const visit: TransitionRef = { source: 'followUp.visit', event: 'VISIT_RECORDED', index: 0 };

const transitionPanel = (doc: DesignDoc, ref: TransitionRef, lang: 'es' | 'en', problems: Problem[] = []) =>
  renderToStaticMarkup(
    createElement(TransitionPanel, {
      doc,
      transition: ref,
      lang,
      problems,
      apply: () => undefined,
      select: () => undefined,
    }),
  );

const anchorProblems = (doc: DesignDoc) =>
  verifyProtocol(doc).filter((p) => p.code.startsWith('deadline-anchor'));

describe("a delay's anchor in the designer", () => {
  beforeAll(async () => {
    await i18n.changeLanguage('es');
  });
  afterAll(async () => {
    await i18n.changeLanguage('es');
  });

  it('keeps what a delay counts from when its hours change, and removes it only when asked', () => {
    const twelve = setDelayHours(child, 'alert24h', 12);
    expect(twelve.delays!.alert24h).toEqual({ hours: 12, from: { field: 'cr-detection.detectedAt' } });
    const fromStep = setDelayFrom(twelve, 'alert24h', undefined);
    expect(fromStep.delays!.alert24h).toEqual({ hours: 12 });
    expect(setDelayFrom(fromStep, 'alert24h', 'cr-detection.detectedAt').delays!.alert24h).toEqual(
      twelve.delays!.alert24h,
    );
    expect(() => setDelayHours(child, 'alert24h', 0)).toThrow();
    expect(() => setDelayFrom(child, 'nothing', undefined)).toThrow();
  });

  it('shows on the delayed transition what it counts from, offering only the detection, in es and en', async () => {
    const es = transitionPanel(child, wait, 'es');
    expect(es).toContain('Plazo automático «alert24h»');
    expect(es).toContain('El plazo automático cuenta desde');
    expect(es).toMatch(
      /<option value="cr-detection.detectedAt" selected="">Detección y tamizaje con indicadores de sospecha › Fecha y hora de la detección \(cr-detection.detectedAt\)<\/option>/,
    );
    expect(es).toContain('<option value="">La entrada en la etapa que lo espera</option>');
    expect(es).not.toContain('cr-alert.sentAt');
    await i18n.changeLanguage('en');
    const en = transitionPanel(child, wait, 'en');
    expect(en).toContain('The time limit counts from');
    expect(en).toContain('Entering the step that waits for it');
    expect(en).toContain(
      'Detection and screening against indicators of suspicion › Date and time of detection (cr-detection.detectedAt)',
    );
    await i18n.changeLanguage('es');
  });

  it("shows a setDeadline's choice with the fields recorded before it, named by form and field", () => {
    const html = transitionPanel(child, visit, 'es');
    const select = /<select name="deadline-from"[^>]*>(.*?)<\/select>/.exec(html)?.[1] ?? '';
    expect(select).toContain('<option value="" selected="">El paso que lo pone</option>');
    expect(select.match(/<option value="[^"]+"/g)).toEqual(['<option value="cr-reception.receivedAt"']);
    expect(select).toContain(
      'Recepción por la autoridad de protección de la niñez › Recepción (cr-reception.receivedAt)',
    );
  });

  it('shows a problem about an anchor under its choice, and the Verification tab leads to the deadline', () => {
    const wrong: DesignDoc = {
      ...child,
      delays: { alert24h: { hours: 24, from: { field: 'cr-alert.sentAt' } } },
    };
    const problems = anchorProblems(wrong);
    expect(problems.map((p) => p.code)).toEqual(['deadline-anchor-not-recorded']);
    // The problem names the form and field it counts from, but it is the delay that is wrong.
    expect(problems[0]!.location).toMatchObject({ form: 'cr-alert', field: 'sentAt' });
    expect(locateProblem(wrong, problems[0]!)).toEqual({ kind: 'transition', ref: wait });
    const html = transitionPanel(wrong, wait, 'es', problems);
    expect(html).toMatch(
      /<select name="delay-from" aria-invalid="true" aria-describedby="delay-from-problems"/,
    );
    expect(html).toContain('<option value="cr-alert.sentAt" selected="">');
    expect(html).toContain('sin el formulario «cr-alert» guardado');
    // The protocol panel's list of delays shows it too.
    const protocol = renderToStaticMarkup(
      createElement(ProtocolPanel, {
        doc: wrong,
        lang: 'es',
        problems,
        apply: () => undefined,
        select: () => undefined,
      }),
    );
    expect(protocol).toContain('sin el formulario «cr-alert» guardado');

    // A state's deadline and a transition's setDeadline lead to the state and the transition.
    const deadline = structuredClone(child);
    const alert = deadline.machine.states.identification!.states!.protection!.states!.alert!.states!.pending!;
    alert.meta.deadline = { hours: 24, from: { field: 'cr-alert.sentAt' } };
    const [p] = anchorProblems(deadline);
    expect(locateProblem(deadline, p!)).toEqual({ kind: 'state', path: ALERT });
    const action = structuredClone(child);
    const visitOn = action.machine.states.followUp!.states!.visit!.on!.VISIT_RECORDED as {
      actions: unknown[];
    }[];
    (visitOn[0]!.actions[1] as { params: Record<string, unknown> }).params.from = {
      field: 'cr-arrival.arrivedAt',
    };
    const [q] = anchorProblems(action);
    expect(q?.code).toBe('deadline-anchor-not-recorded');
    expect(locateProblem(action, q!)).toEqual({ kind: 'transition', ref: visit });
  });

  it('lets a national designer make a base delay count from the step again, and lists it so', () => {
    const gt = {
      ...child,
      id: 'child-repatriation-gt',
      jurisdiction: 'GT' as const,
      base: 'child-repatriation@1',
    };
    const { changes, inexpressible } = deriveVariantChanges(
      child,
      setDelayFrom(setDelayHours(gt, 'alert24h', 12), 'alert24h', undefined),
    );
    expect(inexpressible).toEqual([]);
    expect(changes).toEqual([{ op: 'setDelay', name: 'alert24h', delay: { hours: 12, from: null } }]);
    const fromStep = renderToStaticMarkup(
      createElement(VariantChanges, { base: child, doc: gt, changes, inexpressible, lang: 'es' }),
    );
    expect(fromStep).not.toContain('role="alert"');
    expect(fromStep).toContain(
      'Pone el plazo automático alert24h en 12 h desde la entrada en la etapa que lo espera (la base cuenta desde Detección y tamizaje con indicadores de sospecha › Fecha y hora de la detección (cr-detection.detectedAt))',
    );
    const kept = deriveVariantChanges(child, setDelayHours(gt, 'alert24h', 12));
    expect(kept.inexpressible).toEqual([]);
    // The list of changes says what the delay still counts from.
    const listed = renderToStaticMarkup(
      createElement(VariantChanges, {
        base: child,
        doc: setDelayHours(gt, 'alert24h', 12),
        changes: kept.changes,
        inexpressible: [],
        lang: 'es',
      }),
    );
    expect(listed).toContain(
      'Pone el plazo automático alert24h en 12 h desde Detección y tamizaje con indicadores de sospecha › Fecha y hora de la detección (cr-detection.detectedAt)',
    );
  });
});
