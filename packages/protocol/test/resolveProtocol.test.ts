import { describe, expect, it } from 'vitest';
import { loadRegistry, resolveProtocol } from '../src/index.js';
import {
  childProtocol,
  decisionForm,
  pathOf,
  registryWith,
  screeningForm,
  sharedInvariants,
  t,
} from './protocolFixture.js';

describe('resolveProtocol', () => {
  it('embeds every form the statechart names and computes the invariants in force', () => {
    const r = resolveProtocol(registryWith(), 'child-repatriation@1');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.protocol.forms).toEqual({ screening: screeningForm(), decision: decisionForm() });
    // Shared for children, then listed by id (an adult one), then its own.
    expect(r.protocol.invariantsInForce.map((i) => i.id)).toEqual([
      'best-interest-before-return',
      'notify-origin',
      'decide-before-return',
    ]);
    expect(r.protocol.invariantsInForce[0]).not.toHaveProperty('appliesTo');
    expect(r.protocol).not.toHaveProperty('$schema');
    expect(r.protocol.base).toBeUndefined();
  });

  it('applies shared invariants written for "any" population to every protocol', () => {
    const inv = sharedInvariants();
    inv.invariants[1]!.appliesTo = ['any'];
    const files = [screeningForm(), decisionForm(), childProtocol(), inv];
    const r = resolveProtocol(
      loadRegistry(files.map((f) => ({ path: pathOf(f), text: JSON.stringify(f) }))),
      'child-repatriation',
    );
    expect(r.ok && r.protocol.invariantsInForce.map((i) => i.id)).toContain('consent-until-travel');
  });

  it('embeds forms named by recordForm actions too', () => {
    const p = childProtocol();
    p.machine.states.screening!.on = {
      SUBMIT: { target: 'protection', actions: [{ type: 'recordForm', params: { form: 'decision' } }] },
    };
    delete p.machine.states.decision!.meta.form;
    const r = resolveProtocol(registryWith({ ...p, version: 2 }), 'child-repatriation@2');
    expect(r.ok && Object.keys(r.protocol.forms)).toEqual(['screening', 'decision']);
  });

  it('resolves an id alone to its latest version', () => {
    const r = resolveProtocol(
      registryWith({ ...childProtocol(), version: 3, title: t('v3') }),
      'child-repatriation',
    );
    expect(r.ok && [r.protocol.version, r.protocol.title.es]).toEqual([3, 'v3']);
  });

  it('never shares data with the registry', () => {
    const registry = registryWith();
    const a = resolveProtocol(registry, 'child-repatriation@1');
    if (!a.ok) throw new Error('resolve');
    a.protocol.machine.states.screening!.meta.title.es = 'cambiado';
    a.protocol.forms.screening!.schema.properties!.notes!.maxLength = 1;
    const b = resolveProtocol(registry, 'child-repatriation@1');
    expect(b.ok && b.protocol.machine.states.screening!.meta.title.es).toBe('Detección');
    expect(registry.forms.get('screening')?.file.schema.properties?.notes?.maxLength).toBeUndefined();
  });

  it('lists the versions that exist when the version asked for does not', () => {
    const r = resolveProtocol(registryWith({ ...childProtocol(), version: 2 }), 'child-repatriation@7');
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          code: 'unknown-version',
          location: { pointer: '' },
          message: 'child-repatriation has no version 7',
          hint: 'versions that exist: child-repatriation@1, child-repatriation@2',
          es: {
            message: 'child-repatriation no tiene la versión 7.',
            hint: 'Versiones que existen: child-repatriation@1, child-repatriation@2.',
          },
        },
      ],
    });
  });

  it('suggests the protocol meant when the id is unknown', () => {
    const r = resolveProtocol(registryWith(), 'child-repatriaton@1');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]).toMatchObject({
      code: 'unknown-protocol',
      hint: 'did you mean "child-repatriation"? protocols that exist: child-repatriation',
    });
    expect(!r.ok && resolveProtocol(registryWith(), 'Child Repatriation').ok === false).toBe(true);
  });

  it('reports a form the registry lacks, where it is named', () => {
    const p = childProtocol();
    p.machine.states.decision!.meta.form = 'decison';
    const r = resolveProtocol(registryWith({ ...p, version: 2 }), 'child-repatriation@2');
    expect(!r.ok && r.problems).toEqual([
      {
        code: 'unknown-form',
        location: {
          file: 'workflows/child-repatriation.v2.json',
          pointer: '/machine/states/decision/meta/form',
          state: 'decision',
          form: 'decison',
        },
        message: 'child-repatriation@2 uses the form "decison", which is not in forms/',
        hint: 'did you mean "decision"? add forms/decison.json, or use one of: decision, screening',
        es: {
          message: 'child-repatriation@2 usa el formulario «decison», que no está en forms/.',
          hint: '¿Quiso decir «decision»? Añada forms/decison.json, o use uno de: decision, screening.',
        },
      },
    ]);
  });

  it('reports a listed invariant that is not shared', () => {
    const p = { ...childProtocol(), version: 2, invariants: ['notify-orign'] };
    const r = resolveProtocol(registryWith(p), 'child-repatriation@2');
    expect(!r.ok && r.problems[0]).toMatchObject({
      code: 'unknown-invariant',
      location: { pointer: '/invariants/0' },
      hint: expect.stringContaining('did you mean "notify-origin"?'),
    });
  });

  it('says a protocol whose file has problems must be fixed first', () => {
    const files = [
      { path: 'workflows/x.json', text: JSON.stringify({ ...childProtocol(), population: 'kids' }) },
    ];
    const r = resolveProtocol(loadRegistry(files), 'child-repatriation@1');
    expect(!r.ok && r.problems[0]).toMatchObject({
      code: 'invalid-protocol',
      hint: 'fix the problems reported for workflows/x.json first',
    });
  });
});
