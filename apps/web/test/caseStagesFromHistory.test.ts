// Where a case stands and where it has been, read from its state value and history, and the
// parts of the case page that follow from them.
import { describe, expect, it } from 'vitest';
import type { AvailableAction } from '@ruta/engine';
import { stateValueToPaths, visitedPaths } from '../src/case/statePaths.js';
import { planPanels } from '../src/case/planPanels.js';
import { childRepatriationFile } from './helpers/shippedProtocol.js';

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

  it('ticks the final state of the region that finished a parallel stage, though the case left it at once', () => {
    const { machine } = childRepatriationFile();
    const protection = (alert: string, consular: string) => ({
      identification: { protection: { shelterHealth: 'done', alert, consular } },
    });
    const visited = visitedPaths(
      [
        { type: 'SCREENED', from: { identification: 'detection' }, to: protection('pending', 'pending') },
        {
          type: 'CONSULATE_NOTIFIED',
          from: protection('pending', 'pending'),
          to: protection('pending', 'notified'),
        },
        // The alert was the last region: the whole stage is done, the case is in verification.
        {
          type: 'ALERT_SENT',
          from: protection('pending', 'notified'),
          to: { identification: 'verification' },
        },
      ],
      machine,
    );
    expect(visited).toContain('identification.protection.alert.sent');
    expect(visited).toContain('identification.protection.consular.notified');
    expect(visited).not.toContain('identification.protection.alert.overdue');
  });

  it('does not tick a final state an event could have gone to but did not', () => {
    const { machine } = childRepatriationFile();
    // VERIFIED goes on to the solution, or straight to closure on other answers.
    const visited = visitedPaths(
      [
        {
          type: 'VERIFIED',
          from: { identification: 'verification' },
          to: { solution: { bestInterest: 'familyTracing' } },
        },
      ],
      machine,
    );
    expect(visited).not.toContain('closure');
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

  it("presents a form-less step's own actions as the step's, forms or not (voluntary return's intake)", () => {
    const intakeDeclares = new Set(['REFER', 'RECEIVE_HANDOVER', 'WITHDRAW_CONSENT']);
    const { panels, others } = planPanels(
      [state('intake')],
      [
        action('REFER', 'vr-referral'),
        action('RECEIVE_HANDOVER', 'vr-handover-receipt'),
        action('WITHDRAW_CONSENT', 'vr-withdrawal'),
        action('ESCALATE', 'vr-escalation'),
      ],
      (path, event) => path === 'intake' && intakeDeclares.has(event),
    );
    expect(panels[0]!.actions.map((a) => a.event)).toEqual(['REFER', 'RECEIVE_HANDOVER', 'WITHDRAW_CONSENT']);
    expect(others.map((a) => a.event)).toEqual(['ESCALATE']);
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
