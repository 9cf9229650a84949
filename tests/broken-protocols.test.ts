/**
 * Deliberately broken copies of each shipped protocol and variant fail verification with the
 * right code and a message that says what is wrong, in English and in Spanish (the language
 * designers read it in): a risk assessment bypassed, the withdrawal
 * of consent removed from a step before travel, a transition to a state that does not exist, a
 * guard nobody defined, a form that is missing. The copies live in memory; the shipped files
 * are not touched.
 */
import {
  loadRegistry,
  resolveProtocol,
  verifyProtocol,
  type Problem,
  type VariantChange,
} from '@ruta/protocol';
import { describe, expect, it } from 'vitest';
import { expectInSpanish } from '../packages/protocol/test/expectInSpanish.js';
import { shippedFiles } from './support/shippedFiles.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the tests edit raw JSON on purpose
type Files = { path: string; text: string }[];

const shipped = shippedFiles();

/** The files with one of them edited. */
function edit(path: string, change: (json: Json) => void): Files {
  const found = shipped.find((f) => f.path === path);
  if (!found) throw new Error(`no shipped file ${path}`);
  return shipped.map((f) => {
    if (f.path !== path) return f;
    const json = JSON.parse(f.text) as Json;
    change(json);
    return { path: f.path, text: JSON.stringify(json) };
  });
}
/** The files without one of them. */
function without(path: string): Files {
  expect(shipped.some((f) => f.path === path)).toBe(true);
  return shipped.filter((f) => f.path !== path);
}
/** The files with changes appended to a variant. */
function addChanges(path: string, ...changes: VariantChange[]): Files {
  return edit(path, (v) => v.changes.push(...changes));
}

/** Everything wrong with one protocol of a set of files: loading, resolving and verifying it. */
function problemsOf(files: Files, ref: string): Problem[] {
  const registry = loadRegistry(files);
  const resolved = resolveProtocol(registry, ref);
  return [...registry.problems, ...(resolved.ok ? verifyProtocol(resolved.protocol) : resolved.problems)];
}

interface Breakage {
  ref: string;
  what: string;
  files: () => Files;
  code: string;
  invariant?: string;
  message: RegExp;
}

const CR = 'workflows/regional/child-repatriation.v1.json';
const VR = 'workflows/regional/voluntary-return.v1.json';
const MR = 'workflows/regional/migration-regularisation.v1.json';
const VA = 'workflows/regional/victim-attention.v1.json';
const variantFile = (cc: string, id: string) => `workflows/variants/${cc}/${id}.v1.json`;

const crStates = (p: Json) => p.machine.states;
const bypassChildRisk: VariantChange = {
  op: 'replaceTransition',
  from: 'solution.bestInterest.determination',
  event: 'BEST_INTEREST_DETERMINED',
  transitions: {
    target: '#child-repatriation.solution.decision',
    actions: [{ type: 'recordForm', params: { form: 'cr-best-interest' } }],
  },
};

const breakages: Breakage[] = [
  // Repatriation of children.
  {
    ref: 'child-repatriation@1',
    what: 'the best-interest determination goes straight to the decision, skipping the risk assessment',
    files: () =>
      edit(
        CR,
        (p) =>
          (crStates(p).solution.states.bestInterest.states.determination.on.BEST_INTEREST_DETERMINED.target =
            '#child-repatriation.solution.decision'),
      ),
    code: 'invariant-violated',
    invariant: 'child-return-requires-best-interest-and-risk',
    message: /without first passing a step tagged "risk-assessment"/,
  },
  {
    ref: 'child-repatriation@1',
    what: 'an objection can no longer be recorded once the search for a solution starts',
    files: () => edit(CR, (p) => delete crStates(p).solution.on),
    code: 'invariant-violated',
    invariant: 'consent-withdrawable-before-travel',
    message:
      /"WITHDRAW_CONSENT" is not available, although the case has not yet reached a step tagged "travel"/,
  },
  {
    ref: 'child-repatriation@1',
    what: 'the risk assessment leads to a misspelt state',
    files: () =>
      edit(CR, (p) => (crStates(p).solution.states.riskAssessment.on.RISK_ASSESSED.target = 'decisoin')),
    code: 'unknown-target',
    message: /"decisoin", which names no state/,
  },
  {
    ref: 'child-repatriation@1',
    what: 'the return decision names a guard nobody defined',
    files: () =>
      edit(CR, (p) => (crStates(p).solution.states.decision.on.DECIDE[0].guard = 'returnApproved')),
    code: 'unknown-guard',
    message: /returnApproved/,
  },
  {
    ref: 'child-repatriation@1',
    what: 'the risk-assessment form is missing',
    files: () => without('forms/child-repatriation/cr-risk-assessment.json'),
    code: 'unknown-form',
    message: /cr-risk-assessment/,
  },
  // Voluntary return of adults.
  {
    ref: 'voluntary-return@1',
    what: 'consent goes straight to travel documents, skipping the risk assessment',
    files: () =>
      edit(
        VR,
        (p) =>
          (p.machine.states.preparation.states.consent.on.CONSENT_RECORDED[0].target = 'travelDocuments'),
      ),
    code: 'invariant-violated',
    invariant: 'adult-return-requires-consent-and-risk',
    message: /without first passing a step tagged "risk-assessment"/,
  },
  {
    ref: 'voluntary-return@1',
    what: 'consent can no longer be withdrawn while the return is prepared',
    files: () => edit(VR, (p) => delete p.machine.states.preparation.on),
    code: 'invariant-violated',
    invariant: 'consent-withdrawable-before-travel',
    message: /"WITHDRAW_CONSENT" is not available/,
  },
  {
    ref: 'voluntary-return@1',
    what: 'the travel documents lead to a misspelt state',
    files: () =>
      edit(
        VR,
        (p) =>
          (p.machine.states.preparation.states.travelDocuments.on.DOCUMENTS_READY[0].target = 'coordinaton'),
      ),
    code: 'unknown-target',
    message: /"coordinaton", which names no state/,
  },
  {
    ref: 'voluntary-return@1',
    what: 'consent is checked by a guard nobody defined',
    files: () =>
      edit(
        VR,
        (p) => (p.machine.states.preparation.states.consent.on.CONSENT_RECORDED[0].guard = 'consented'),
      ),
    code: 'unknown-guard',
    message: /consented/,
  },
  {
    ref: 'voluntary-return@1',
    what: 'the informed-consent form is missing',
    files: () => without('forms/voluntary-return/vr-consent.json'),
    code: 'unknown-form',
    message: /vr-consent/,
  },
  // Migration regularisation.
  {
    ref: 'migration-regularisation@1',
    what: 'the person can no longer withdraw from the procedure',
    files: () => edit(MR, (p) => delete p.machine.on),
    code: 'invariant-violated',
    invariant: 'consent-withdrawable-before-travel',
    message: /"WITHDRAW_CONSENT" is not available/,
  },
  {
    ref: 'migration-regularisation@1',
    what: 'a status can be granted before the non-removal guarantee is in force',
    files: () => edit(MR, (p) => (p.machine.states.application.on.APPLICATION_FILED.target = 'status')),
    code: 'invariant-violated',
    invariant: 'status-decided-only-under-non-removal',
    message: /without first passing a step tagged "non-removal"/,
  },
  {
    ref: 'migration-regularisation@1',
    what: 'the interview leads to a misspelt state',
    files: () =>
      edit(MR, (p) => (p.machine.states.pending.states.interview.on.INTERVIEW_HELD.target = 'decison')),
    code: 'unknown-target',
    message: /"decison", which names no state/,
  },
  {
    ref: 'migration-regularisation@1',
    what: 'the decision names a guard nobody defined',
    files: () => edit(MR, (p) => (p.machine.states.pending.states.decision.on.DECIDE[0].guard = 'granted')),
    code: 'unknown-guard',
    message: /granted/,
  },
  {
    ref: 'migration-regularisation@1',
    what: 'the non-removal guarantee form is missing',
    files: () => without('forms/migration-regularisation/mr-non-removal.json'),
    code: 'unknown-form',
    message: /mr-non-removal/,
  },
  // Victim attention.
  {
    ref: 'victim-attention@1',
    what: 'assistance can no longer be declined',
    files: () => edit(VA, (p) => delete p.machine.on),
    code: 'invariant-violated',
    invariant: 'consent-withdrawable-before-travel',
    message: /"WITHDRAW_CONSENT" is not available/,
  },
  {
    ref: 'victim-attention@1',
    what: 'legal aid leads to a state spelt the American way',
    files: () =>
      edit(VA, (p) => (p.machine.states.legalAid.on.LEGAL_AID_ARRANGED.target = 'nonCriminalization')),
    code: 'unknown-target',
    message: /"nonCriminalization", which names no state/,
  },
  {
    ref: 'victim-attention@1',
    what: 'the referral to child repatriation names a guard nobody defined',
    files: () => edit(VA, (p) => (p.machine.states.durableSolution.on.REFERRED[0].guard = 'isChild')),
    code: 'unknown-guard',
    message: /isChild/,
  },
  {
    ref: 'victim-attention@1',
    what: 'the legal-aid form is missing',
    files: () => without('forms/victim-attention/va-legal-aid.json'),
    code: 'unknown-form',
    message: /va-legal-aid/,
  },
  // National variants: broken by a change of their own.
  ...(['gt', 'sv', 'mx'] as const).flatMap((cc): Breakage[] => {
    const ref = `child-repatriation-${cc}@1`;
    const file = variantFile(cc, `child-repatriation-${cc}`);
    return [
      {
        ref,
        what: 'a change makes the best-interest determination skip the risk assessment',
        files: () => addChanges(file, bypassChildRisk),
        code: 'invariant-violated',
        invariant: 'child-return-requires-best-interest-and-risk',
        message: /"risk-assessment"/,
      },
      {
        ref,
        what: 'a change removes the objection from the search for a solution',
        files: () =>
          addChanges(file, { op: 'removeTransition', from: 'solution', event: 'WITHDRAW_CONSENT' }),
        code: 'invariant-violated',
        invariant: 'consent-withdrawable-before-travel',
        message: /"WITHDRAW_CONSENT" is not available/,
      },
      {
        ref,
        what: 'a change adds a transition to a state that does not exist',
        files: () =>
          addChanges(file, {
            op: 'addTransition',
            from: 'reception',
            event: 'RECEPTION_RECORDED',
            transition: { target: 'familyReunion' },
          }),
        code: 'unknown-target',
        message: /"familyReunion", which names no state/,
      },
      {
        ref,
        what: 'a change guards a transition with a guard nobody defined',
        files: () =>
          addChanges(file, {
            op: 'addTransition',
            from: 'solution.riskAssessment',
            event: 'RISK_ASSESSED',
            transition: { target: 'decision', guard: 'lowRisk' },
          }),
        code: 'unknown-guard',
        message: /lowRisk/,
      },
      {
        ref,
        what: 'the form its own added step records is missing',
        files: () => edit(file, (v) => (v.changes = v.changes.filter((c: Json) => c.op !== 'addForm'))),
        code: 'unknown-form',
        message: /cr-(gt|sv|mx)-/,
      },
    ];
  }),
  ...[
    {
      ref: 'migration-regularisation-mx@1',
      file: variantFile('mx', 'migration-regularisation-mx'),
      state: 'pending.documents',
      event: 'DOCUMENTS_COMPLETE',
    },
    {
      ref: 'victim-attention-gt@1',
      file: variantFile('gt', 'victim-attention-gt'),
      state: 'needsAssessment',
      event: 'NEEDS_ASSESSED',
    },
  ].flatMap(({ ref, file, state, event }): Breakage[] => [
    {
      ref,
      what: 'a change removes the withdrawal available in every step',
      files: () => addChanges(file, { op: 'removeTransition', from: '', event: 'WITHDRAW_CONSENT' }),
      code: 'invariant-violated',
      invariant: 'consent-withdrawable-before-travel',
      message: /"WITHDRAW_CONSENT" is not available/,
    },
    {
      ref,
      what: 'a change adds a transition to a state that does not exist',
      files: () =>
        addChanges(file, { op: 'addTransition', from: state, event, transition: { target: 'nowhere' } }),
      code: 'unknown-target',
      message: /"nowhere", which names no state/,
    },
    {
      ref,
      what: 'a change guards a transition with a guard nobody defined',
      files: () =>
        addChanges(file, {
          op: 'addTransition',
          from: state,
          event,
          transition: { target: state.split('.').at(-1)!, guard: 'alwaysTrue' },
        }),
      code: 'unknown-guard',
      message: /alwaysTrue/,
    },
    {
      ref,
      what: 'a change makes a step use a form that does not exist',
      files: () => addChanges(file, { op: 'setStateMeta', path: state, meta: { form: 'xx-missing-form' } }),
      code: 'unknown-form',
      message: /xx-missing-form/,
    },
  ]),
];

describe('broken copies of the shipped protocols fail verification', () => {
  it('the shipped files themselves verify, so each failure below comes from its breakage', () => {
    for (const ref of new Set(breakages.map((b) => b.ref))) {
      expect(problemsOf(shipped, ref).filter((p) => p.severity !== 'warning')).toEqual([]);
    }
  });

  it('every shipped protocol and variant is broken in each way that applies to it', () => {
    const refs = new Set(breakages.map((b) => b.ref));
    expect(refs.size).toBe(9);
    for (const ref of refs) {
      const codes = new Set(breakages.filter((b) => b.ref === ref).map((b) => b.code));
      expect([...codes].sort(), ref).toEqual([
        'invariant-violated',
        'unknown-form',
        'unknown-guard',
        'unknown-target',
      ]);
    }
  });

  for (const b of breakages) {
    it(`${b.ref}: ${b.what} -> ${b.code}`, () => {
      const problems = problemsOf(b.files(), b.ref);
      const errors = problems.filter((p) => p.severity !== 'warning');
      const match = errors.find(
        (p) =>
          p.code === b.code &&
          b.message.test(p.message) &&
          (b.invariant === undefined || (p as Problem & { invariant?: string }).invariant === b.invariant),
      );
      expect(
        match,
        `expected ${b.code} matching ${b.message}; got:\n${errors.map((p) => `${p.code}: ${p.message}`).join('\n')}`,
      ).toBeDefined();
      expect(match!.hint.length).toBeGreaterThan(0);
      // Designers read them in Spanish: every problem, warnings included, says it in Spanish too.
      expectInSpanish(problems, `${b.ref}: ${b.what}`);
    });
  }
});
