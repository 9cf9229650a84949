// Where a case stands and where it has been, read from its state value and history, and the
// parts of the case page that follow from them.
import { describe, expect, it } from 'vitest';
import type { AvailableAction } from '@ruta/engine';
import { stateValueToPaths, visitedPaths } from '../src/case/statePaths.js';
import { planPanels } from '../src/case/planPanels.js';

const action = (event: string, form?: string): AvailableAction => ({
  event,
  title: { es: event, en: event },
  ok: true,
  reasons: [],
  ...(form ? { form } : {}),
});
const state = (path: string, form?: string) => ({
  path,
  title: { es: path, en: path },
  legal: [],
  ...(form ? { form } : {}),
});

describe('case stages', () => {
  it('lists every region of a parallel state the case is in, with their parents', () => {
    expect(
      stateValueToPaths({ identification: { protection: { shelter: 'placement', alert: 'sent' } } }),
    ).toEqual([
      'identification',
      'identification.protection',
      'identification.protection.shelter',
      'identification.protection.shelter.placement',
      'identification.protection.alert',
      'identification.protection.alert.sent',
    ]);
  });

  it('remembers each state the history passed through, in order of first entry', () => {
    expect(
      visitedPaths([{ to: 'intake' }, { to: { identification: 'detection' } }, { to: 'intake' }]),
    ).toEqual(['intake', 'identification', 'identification.detection']);
  });

  it('puts each action under the step whose form it records, and lists the rest apart', () => {
    const { panels, others } = planPanels(
      [state('p.shelter', 'cr-shelter'), state('p.consular', 'cr-consular')],
      [
        action('SHELTERED', 'cr-shelter'),
        action('NOTIFIED', 'cr-consular'),
        action('WITHDRAW', 'cr-objection'),
        action('ESCALATE'),
      ],
    );
    expect(panels.map((p) => [p.state.path, p.form, p.actions.map((a) => a.event)])).toEqual([
      ['p.shelter', 'cr-shelter', ['SHELTERED']],
      ['p.consular', 'cr-consular', ['NOTIFIED']],
    ]);
    expect(others.map((a) => a.event)).toEqual(['WITHDRAW', 'ESCALATE']);
  });

  it('keeps form-less actions with the only current step, and other forms apart', () => {
    const { panels, others } = planPanels(
      [state('intake')],
      [action('DETECT'), action('RECEIVE_HANDOVER', 'cr-handover-receipt')],
    );
    expect(panels).toHaveLength(1);
    expect(panels[0]!.actions.map((a) => a.event)).toEqual(['DETECT']);
    expect(others.map((a) => a.event)).toEqual(['RECEIVE_HANDOVER']);
  });
});
