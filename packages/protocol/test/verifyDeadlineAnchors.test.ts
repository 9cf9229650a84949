// A deadline may count from a recorded event (the detection) instead of the step that starts it:
// `from` names a date-time field of a form recorded on every way to that step. Each way of getting
// it wrong is refused with where it is and what to write instead.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyVariantChange,
  checkSchema,
  diffProtocols,
  loadRegistry,
  resolveProtocol,
  verifyProtocol,
  verifyRegistry,
  type DeadlineAnchor,
  type Problem,
  type ResolvedProtocol,
  type VariantDuration,
} from '../src/index.js';
import { goodProtocol, t } from './verifyFixture.js';

/** The fixture with a consent form that records when consent was given (date-time) and signed (date). */
function dated(): ResolvedProtocol {
  const p = goodProtocol();
  const schema = p.forms.consent!.schema;
  schema.properties!.givenAt = {
    type: 'string',
    format: 'date-time',
    'x-past': true,
    'x-label': t('Given at'),
  };
  schema.properties!.signedOn = { type: 'string', format: 'date', 'x-label': t('Signed on') };
  return p;
}

const anchorProblems = (p: ResolvedProtocol): Problem[] =>
  verifyProtocol(p).filter((x) => x.code.startsWith('deadline-anchor'));

describe('where a deadline counts from', () => {
  it('lets a deadline count from a date-time field of a form recorded on every way to its state', () => {
    const p = dated();
    p.machine.states.travel!.meta.deadline = { hours: 24, from: { field: 'consent.givenAt' } };
    p.machine.states.assessment!.on!.ASSESSED = [
      {
        target: 'travel',
        guard: 'lowRisk',
        actions: [
          { type: 'recordForm' },
          {
            type: 'setDeadline',
            params: { name: 'escort', hours: 48, title: t('Escort'), from: { field: 'consent.givenAt' } },
          },
        ],
      },
      { target: 'closure', actions: [{ type: 'recordForm' }] },
    ];
    expect(verifyProtocol(p).filter((x) => x.severity !== 'warning')).toEqual([]);
  });

  it('refuses a form the protocol does not have, naming the fields it could count from', () => {
    const p = dated();
    p.machine.states.travel!.meta.deadline = { hours: 24, from: { field: 'consnet.givenAt' } };
    const [problem, ...rest] = anchorProblems(p);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      code: 'deadline-anchor-unknown-form',
      location: {
        pointer: '/machine/states/travel/meta/deadline/from/field',
        state: 'travel',
        form: 'consnet',
      },
    });
    expect(problem!.message).toContain('no form "consnet"');
    expect(problem!.hint).toContain('consent.givenAt');
    expect(problem!.es.message).toContain('no tiene el formulario «consnet»');
  });

  it('refuses a field the form does not have', () => {
    const p = dated();
    p.machine.states.travel!.meta.deadline = { hours: 24, from: { field: 'consent.givenOn' } };
    const [problem] = anchorProblems(p);
    expect(problem).toMatchObject({
      code: 'deadline-anchor-unknown-field',
      location: { state: 'travel', form: 'consent', field: 'givenOn' },
    });
    expect(problem!.hint).toContain('consent.givenAt');
  });

  it('refuses a field that is a date without an hour, or not a date at all', () => {
    const p = dated();
    p.machine.states.travel!.meta.deadline = { hours: 24, from: { field: 'consent.signedOn' } };
    p.machine.states.closure!.meta.deadline = { hours: 24, from: { field: 'consent.language' } };
    const problems = anchorProblems(p);
    expect(problems.map((x) => [x.code, x.location.field])).toEqual([
      ['deadline-anchor-not-date-time', 'signedOn'],
      ['deadline-anchor-not-date-time', 'language'],
    ]);
    expect(problems[0]!.message).toContain('of format "date", not "date-time"');
    expect(problems[0]!.hint).toContain('consent.givenAt');
    expect(problems[1]!.es.message).toContain('no es una fecha y hora');
  });

  it('refuses a "from" that names no field', () => {
    const p = dated();
    p.machine.states.travel!.meta.deadline = { hours: 24, from: { field: 'givenAt' } };
    expect(anchorProblems(p).map((x) => [x.code, x.location.pointer])).toEqual([
      ['deadline-anchor-malformed', '/machine/states/travel/meta/deadline/from'],
    ]);
  });

  it('refuses a form not yet recorded on some way to the state, with that way', () => {
    const p = dated();
    // Consent is recorded when leaving the consent step: its own deadline cannot count from it.
    p.machine.states.consent!.meta.deadline = { hours: 24, from: { field: 'consent.givenAt' } };
    const [problem, ...rest] = anchorProblems(p);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      code: 'deadline-anchor-not-recorded',
      location: {
        pointer: '/machine/states/consent/meta/deadline/from/field',
        state: 'consent',
        form: 'consent',
        field: 'givenAt',
      },
    });
    expect(problem!.message).toContain('without form "consent" recorded: e.g. by SCREENED');
    expect(problem!.es.message).toContain('p. ej. con SCREENED');
  });

  it('refuses it when only some ways record the form', () => {
    const p = dated();
    // A second way into the assessment, from screening, skips the consent form.
    p.machine.states.screening!.on = { SCREENED: [{ target: 'consent' }], SKIP: { target: 'assessment' } };
    p.events.SKIP = { title: t('Skip') };
    p.machine.states.assessment!.meta.deadline = { hours: 24, from: { field: 'consent.givenAt' } };
    const problem = anchorProblems(p)[0];
    expect(problem?.code).toBe('deadline-anchor-not-recorded');
    expect(problem?.message).toContain('e.g. by SKIP');
  });

  it('checks setDeadline in order: the form must be recorded before the action that counts from it', () => {
    const p = dated();
    const deadline = {
      type: 'setDeadline' as const,
      params: { name: 'follow-up', hours: 72, title: t('Follow-up'), from: { field: 'consent.givenAt' } },
    };
    p.machine.states.consent!.on!.CONSENT_GIVEN = {
      target: 'assessment',
      actions: [deadline, { type: 'recordForm' }],
    };
    expect(anchorProblems(p).map((x) => [x.code, x.location.pointer])).toEqual([
      [
        'deadline-anchor-not-recorded',
        '/machine/states/consent/on/CONSENT_GIVEN/actions/0/params/from/field',
      ],
    ]);
    p.machine.states.consent!.on!.CONSENT_GIVEN = {
      target: 'assessment',
      actions: [{ type: 'recordForm' }, deadline],
    };
    expect(anchorProblems(p)).toEqual([]);
  });

  it('checks the delays of delayed transitions where they are waited for', () => {
    const p = dated();
    p.delays = { noAnswer: { hours: 48, from: { field: 'consent.givenAt' } } };
    expect(anchorProblems(p).map((x) => [x.code, x.location.pointer, x.location.state])).toEqual([
      ['deadline-anchor-not-recorded', '/delays/noAnswer/from/field', 'consent'],
    ]);
    p.delays = { noAnswer: { hours: 48, from: { field: 'consent.signedOn' } } };
    expect(anchorProblems(p).map((x) => x.code)).toEqual(['deadline-anchor-not-date-time']);
  });
});

describe('anchors in national variants and diffs', () => {
  it("keeps the base deadline's anchor when a variant changes only its hours, and drops it after removeDeadline", () => {
    const p = dated();
    p.machine.states.travel!.meta.deadline = { hours: 24, from: { field: 'consent.givenAt' } };
    expect(
      applyVariantChange(
        p,
        { op: 'setStateMeta', path: 'travel', meta: { deadline: { hours: 48 } } },
        { index: 0 },
      ),
    ).toEqual([]);
    expect(p.machine.states.travel!.meta.deadline).toEqual({ hours: 48, from: { field: 'consent.givenAt' } });
    applyVariantChange(p, { op: 'removeDeadline', path: 'travel' }, { index: 1 });
    applyVariantChange(
      p,
      { op: 'setStateMeta', path: 'travel', meta: { deadline: { hours: 12 } } },
      { index: 2 },
    );
    expect(p.machine.states.travel!.meta.deadline).toEqual({ hours: 12 });
  });

  it("keeps a delay's anchor when a variant sets its hours, and shows an anchor change in the diff", () => {
    const base = dated();
    base.delays = { noAnswer: { hours: 48, from: { field: 'consent.givenAt' } } };
    const variant = structuredClone(base);
    applyVariantChange(variant, { op: 'setDelay', name: 'noAnswer', delay: { hours: 72 } }, { index: 0 });
    expect(variant.delays!.noAnswer).toEqual({ hours: 72, from: { field: 'consent.givenAt' } });
    const moved = structuredClone(base);
    moved.delays!.noAnswer!.from = { field: 'consent.otherAt' };
    expect(diffProtocols(base, moved).delays.changed).toEqual([{ name: 'noAnswer', changes: ['from'] }]);
  });
});

describe('a national variant counting a deadline or delay from the step again ("from": null)', () => {
  const given = { field: 'consent.givenAt' };

  it("drops the base deadline's anchor in one change, keeping the new hours", () => {
    const p = dated();
    p.machine.states.travel!.meta.deadline = { hours: 24, from: given };
    const change = {
      op: 'setStateMeta',
      path: 'travel',
      meta: { deadline: { hours: 12, from: null } },
    } as const;
    expect(applyVariantChange(p, change, { index: 0 })).toEqual([]);
    expect(p.machine.states.travel!.meta.deadline).toEqual({ hours: 12 });
    expect(anchorProblems(p)).toEqual([]);
  });

  it("drops a base delay's anchor, and the diff says what it counts from changed", () => {
    const base = dated();
    base.delays = { noAnswer: { hours: 48, from: given } };
    const variant = structuredClone(base);
    expect(
      applyVariantChange(
        variant,
        { op: 'setDelay', name: 'noAnswer', delay: { hours: 48, from: null } },
        { index: 0 },
      ),
    ).toEqual([]);
    expect(variant.delays!.noAnswer).toEqual({ hours: 48 });
    expect(diffProtocols(base, variant).delays.changed).toEqual([{ name: 'noAnswer', changes: ['from'] }]);
  });

  it('refuses "from": null where there is no anchor to drop, saying where and what to write, and changes nothing', () => {
    const p = dated();
    p.delays = { noAnswer: { hours: 48 } };
    const before = structuredClone(p);
    const onDelay = applyVariantChange(
      p,
      { op: 'setDelay', name: 'noAnswer', delay: { hours: 12, from: null } },
      { file: 'workflows/x-gt.v1.json', index: 2 },
    );
    const onNewDelay = applyVariantChange(
      p,
      { op: 'setDelay', name: 'other', delay: { hours: 12, from: null } },
      { index: 3 },
    );
    const onDeadline = applyVariantChange(
      p,
      {
        op: 'setStateMeta',
        path: 'travel',
        meta: { deadline: { hours: 12, from: null }, institution: t('X') },
      },
      { index: 4 },
    );
    expect(p).toEqual(before);
    expect(
      [...onDelay, ...onNewDelay, ...onDeadline].map((x) => [x.code, x.location.pointer, x.message]),
    ).toEqual([
      [
        'change-anchor-missing',
        '/changes/2/delay/from',
        'Change 2 (setDelay): the delay "noAnswer" already counts from the step that waits for it: "from": null has no anchor to drop',
      ],
      [
        'change-anchor-missing',
        '/changes/3/delay/from',
        'Change 3 (setDelay): the protocol has no delay "other" whose anchor "from": null could drop',
      ],
      [
        'change-anchor-missing',
        '/changes/4/meta/deadline/from',
        'Change 4 (setStateMeta): the state "travel" has no deadline whose anchor "from": null could drop',
      ],
    ]);
    expect(onDelay[0]!.location.file).toBe('workflows/x-gt.v1.json');
    expect(onDelay[0]!.hint).toBe(
      'remove "from": null (a delay without "from" counts from the step that waits for it)',
    );
    expect(onDeadline[0]!.location.state).toBe('travel');
    expect(onDeadline[0]!.es.hint).toBe(
      'Quite "from": null (un plazo sin "from" cuenta desde la entrada en la etapa).',
    );
  });

  it('resolves for every anchor a base and a change may have as written: given, kept, or dropped', () => {
    const anchor = fc.option(fc.constantFrom<DeadlineAnchor>(given, { field: 'consent.otherAt' }), {
      nil: undefined,
    });
    const hours = fc.integer({ min: 1, max: 1000 });
    const set = fc.record(
      { hours, from: fc.oneof(anchor, fc.constant(null)) },
      { requiredKeys: ['hours'] },
    ) as fc.Arbitrary<VariantDuration>;
    fc.assert(
      fc.property(hours, anchor, set, fc.boolean(), (baseHours, baseFrom, change, onDelay) => {
        const p = dated();
        const base = baseFrom === undefined ? { hours: baseHours } : { hours: baseHours, from: baseFrom };
        p.delays = { wait: structuredClone(base) };
        p.machine.states.travel!.meta.deadline = structuredClone(base);
        const before = structuredClone(p);
        const problems = applyVariantChange(
          p,
          onDelay
            ? { op: 'setDelay', name: 'wait', delay: change }
            : { op: 'setStateMeta', path: 'travel', meta: { deadline: change } },
          { index: 0 },
        );
        const result = onDelay ? p.delays.wait : p.machine.states.travel!.meta.deadline;
        if (change.from === null && baseFrom === undefined) {
          expect(problems.map((x) => x.code)).toEqual(['change-anchor-missing']);
          expect(p).toEqual(before);
          return;
        }
        expect(problems).toEqual([]);
        const from = change.from === null ? undefined : (change.from ?? baseFrom);
        expect(result).toEqual(from === undefined ? { hours: change.hours } : { hours: change.hours, from });
      }),
    );
  });

  it('lets only a variant write "from": null, and refuses any other value with a hint', () => {
    const v = {
      kind: 'variant',
      id: 'x-gt',
      version: 1,
      jurisdiction: 'GT',
      base: 'x@1',
      title: t('X'),
      changes: [
        { op: 'setDelay', name: 'noAnswer', delay: { hours: 12, from: null } },
        { op: 'setStateMeta', path: 'travel', meta: { deadline: { hours: 12, from: null } } },
      ],
    };
    expect(checkSchema('variant', v)).toEqual([]);
    const wrong = structuredClone(v);
    (wrong.changes[0]!.delay as { from: unknown }).from = 'step';
    const [refused, ...more] = checkSchema('variant', wrong);
    expect(more).toEqual([]);
    expect([refused!.code, refused!.location.pointer, refused!.message, refused!.hint]).toEqual([
      'schema-type',
      '/changes/0/delay/from',
      '"changes[0].delay.from" must be an object {...} or null (it is the text "step")',
      'make changes[0].delay.from an object {...} or null',
    ]);
    const { forms: _f, invariantsInForce: _i, ...protocol } = dated();
    protocol.delays = { noAnswer: { hours: 12, from: null as unknown as DeadlineAnchor } };
    expect(checkSchema('protocol', protocol).map((x) => [x.code, x.location.pointer])).toEqual([
      ['schema-type', '/delays/noAnswer/from'],
    ]);
  });
});

describe('anchors of the shipped protocols', () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const jsonFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? jsonFiles(path) : name.endsWith('.json') ? [path] : [];
    });
  const files = [...jsonFiles(join(root, 'workflows')), ...jsonFiles(join(root, 'forms'))].map((path) => ({
    path: relative(root, path),
    text: readFileSync(path, 'utf8'),
  }));

  it('count the 24-hour alert, its escalation and the consular notification from the detection', () => {
    for (const ref of [
      'child-repatriation@1',
      'child-repatriation-gt@1',
      'child-repatriation-mx@1',
      'child-repatriation-sv@1',
    ]) {
      const r = resolveProtocol(loadRegistry(files), ref);
      if (!r.ok) throw new Error(ref);
      const states = r.protocol.machine.states.identification!.states!.protection!.states!;
      const detected = { field: 'cr-detection.detectedAt' };
      expect(states.alert!.states!.pending!.meta.deadline?.from, ref).toEqual(detected);
      expect(states.consular!.states!.pending!.meta.deadline?.from, ref).toEqual(detected);
      expect(r.protocol.delays?.alert24h?.from, ref).toEqual(detected);
    }
  });

  it("point a variant's bad anchor at the change that sets it", () => {
    const sv = files.find((f) => f.path.endsWith('child-repatriation-sv.v1.json'))!;
    const changed = JSON.parse(sv.text) as { changes: unknown[] };
    const at = changed.changes.length;
    changed.changes.push(
      {
        op: 'setStateMeta',
        path: 'identification.detection',
        meta: { deadline: { hours: 2, from: { field: 'cr-detection.detectedAt' } } },
      },
      { op: 'setDelay', name: 'alert24h', delay: { hours: 12, from: { field: 'cr-alert.sentAt' } } },
    );
    const report = verifyRegistry(
      loadRegistry(files.map((f) => (f === sv ? { ...f, text: JSON.stringify(changed) } : f))),
    );
    const problems = report.protocols
      .find((p) => p.file === sv.path)!
      .problems.filter((p) => p.code.startsWith('deadline-anchor'));
    expect(problems.map((p) => [p.code, p.location.pointer, p.location.state])).toEqual([
      ['deadline-anchor-not-recorded', `/changes/${at}`, 'identification.detection'],
      ['deadline-anchor-not-recorded', `/changes/${at + 1}`, 'identification.protection.alert.pending'],
    ]);
    expect(problems[1]!.message).toContain('e.g. by DETECT → SCREENED');
  });
});
