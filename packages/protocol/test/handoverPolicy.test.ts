// The handover policy is protocol data: the stages where a case may be handed over by hand
// (meta.handover, citing the clauses that allow it) and the answers that mean a need for
// international protection (x-protectionNeed on a choice field). A declared answer a field cannot
// record is a problem with its place and a fix; a national variant may word those answers its
// own way or add some, never drop the declaration of its base.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  diffProtocols,
  handoverAllowedAt,
  handoverStages,
  loadRegistry,
  recordedProtectionNeed,
  resolveProtocol,
  verifyForm,
  type FieldSchema,
  type FormDefinition,
  type ResolvedProtocol,
  type VariantChange,
  type VariantFile,
} from '../src/index.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const jsonFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsonFiles(path) : name.endsWith('.json') ? [path] : [];
  });
const shipped = [...jsonFiles(join(root, 'workflows')), ...jsonFiles(join(root, 'forms'))].map((path) => ({
  path: relative(root, path),
  text: readFileSync(path, 'utf8'),
}));

function resolveWith(changes: VariantChange[]) {
  const file: VariantFile = {
    kind: 'variant',
    id: 'child-repatriation-hn',
    version: 1,
    jurisdiction: 'HN',
    base: 'child-repatriation@1',
    title: { es: 'Repatriación (Honduras)', en: 'Repatriation (Honduras)' },
    changes,
  };
  const registry = loadRegistry([
    ...shipped,
    { path: 'workflows/variants/hn/child-repatriation-hn.v1.json', text: JSON.stringify(file) },
  ]);
  return resolveProtocol(registry, 'child-repatriation-hn@1');
}

function regional(id: string): ResolvedProtocol {
  const r = resolveProtocol(loadRegistry(shipped), `${id}@1`);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.protocol;
}

const alertOutcome = (p: ResolvedProtocol): FieldSchema =>
  structuredClone(p.forms['cr-alert']!.schema.properties!.outcome!);

describe('the stages where the shipped protocols allow a handover by hand', () => {
  it('are the coordination between liaisons, after consent, best interest and risk assessment', () => {
    const child = regional('child-repatriation');
    expect(handoverStages(child.machine).map((s) => s.path)).toEqual([
      'solution.coordination',
      'solution.thirdCountryCoordination',
    ]);
    expect(handoverStages(regional('voluntary-return').machine).map((s) => s.path)).toEqual([
      'preparation.coordination',
    ]);
    expect(handoverStages(regional('migration-regularisation').machine)).toEqual([]);
    expect(handoverStages(regional('victim-attention').machine)).toEqual([]);
    expect(handoverAllowedAt(child.machine, { solution: 'coordination' })).toBe(true);
    expect(handoverAllowedAt(child.machine, 'intake')).toBe(false);
    expect(handoverAllowedAt(child.machine, { solution: 'riskAssessment' })).toBe(false);
    expect(
      handoverAllowedAt(child.machine, {
        identification: { protection: { shelterHealth: 'done', alert: 'sent', consular: 'pending' } },
      }),
    ).toBe(false);
  });

  it('each cite the seed clauses that allow the data to cross a border there', () => {
    const child = regional('child-repatriation');
    const coordination = child.machine.states.solution!.states!.coordination!;
    expect(coordination.meta.handover!.legal).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ seed: '004', clause: 'F.3' }),
        expect.objectContaining({ seed: '003', clause: '9.3' }),
      ]),
    );
  });
});

describe('the answers a protocol declares as a need for international protection', () => {
  it('are read from the case data by form, whatever their wording', () => {
    const child = regional('child-repatriation');
    expect(recordedProtectionNeed(child, { 'cr-alert': { outcome: 'withheld-protection-need' } })).toEqual([
      'cr-alert',
    ]);
    expect(recordedProtectionNeed(child, { 'cr-alert': { outcome: 'sent-network' } })).toEqual([]);
    expect(
      recordedProtectionNeed(child, {
        'cr-alert': { outcome: 'sent-network' },
        'cr-consular': { outcome: 'withheld-protection-need' },
      }),
    ).toEqual(['cr-consular']);
  });

  it('must be among the choices of their field: otherwise a problem says where and what to write', () => {
    const form = structuredClone(regional('child-repatriation').forms['cr-alert']!) as FormDefinition;
    form.schema.properties!.outcome!['x-protectionNeed'] = ['withheld-protection-need', 'refugio'];
    const problems = verifyForm(form);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'protection-need-unknown-value',
        location: {
          pointer: '/schema/properties/outcome/x-protectionNeed/1',
          form: 'cr-alert',
          field: 'outcome',
        },
      }),
    ]);
    expect(problems[0]!.message).toContain('"refugio"');
    expect(problems[0]!.hint).toContain('"enum"');
    expect(problems[0]!.es.message).toContain('«refugio»');

    form.schema.properties!.outcome!['x-protectionNeed'] = ['withheld-protection-need'];
    form.schema.properties!.recipient!['x-protectionNeed'] = ['x'];
    expect(verifyForm(form).map((p) => [p.code, p.location.field])).toEqual([
      ['protection-need-not-a-choice', 'recipient'],
    ]);
  });

  it('verify as shipped', () => {
    const child = regional('child-repatriation');
    expect(verifyForm(child.forms['cr-alert']!)).toEqual([]);
    expect(verifyForm(child.forms['cr-consular']!)).toEqual([]);
  });
});

describe('a national variant', () => {
  it('may word the answer its own way: the reworded answer keeps the protection', () => {
    const outcome = alertOutcome(regional('child-repatriation'));
    const reworded = JSON.parse(
      JSON.stringify(outcome).replaceAll('withheld-protection-need', 'solicita-refugio'),
    ) as FieldSchema;
    const r = resolveWith([{ op: 'replaceField', form: 'cr-alert', field: 'outcome', schema: reworded }]);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(recordedProtectionNeed(r.protocol, { 'cr-alert': { outcome: 'solicita-refugio' } })).toEqual([
      'cr-alert',
    ]);
    const diff = diffProtocols(regional('child-repatriation'), r.protocol);
    expect(diff.forms.changed.find((f) => f.id === 'cr-alert')?.fields.changed).toEqual([
      { path: 'outcome', changes: ['protectionNeed', 'enum'] },
    ]);
  });

  it('may not drop the declaration of its base, nor an answer it still offers', () => {
    const { 'x-protectionNeed': _dropped, ...undeclared } = alertOutcome(regional('child-repatriation'));
    const dropped = resolveWith([
      { op: 'replaceField', form: 'cr-alert', field: 'outcome', schema: undeclared },
    ]);
    expect(dropped.ok).toBe(false);
    if (dropped.ok) return;
    expect(dropped.problems).toEqual([
      expect.objectContaining({
        code: 'protection-need-removed',
        location: {
          file: 'workflows/variants/hn/child-repatriation-hn.v1.json',
          pointer: '/changes',
          form: 'cr-alert',
          field: 'outcome',
        },
      }),
    ]);
    expect(dropped.problems[0]!.hint).toContain('x-protectionNeed');

    const narrowed = alertOutcome(regional('child-repatriation'));
    narrowed.enum = [...narrowed.enum!, 'solicita-refugio'];
    narrowed['x-enumLabels'] = [
      ...narrowed['x-enumLabels']!,
      { es: 'Solicita refugio', en: 'Claims asylum' },
    ];
    narrowed['x-protectionNeed'] = ['solicita-refugio'];
    const r = resolveWith([{ op: 'replaceField', form: 'cr-alert', field: 'outcome', schema: narrowed }]);
    expect(r.ok ? [] : r.problems.map((p) => [p.code, p.message])).toEqual([
      [
        'protection-need-removed',
        expect.stringContaining('"withheld-protection-need" of the field "outcome"'),
      ],
    ]);

    const removed = resolveWith([{ op: 'removeField', form: 'cr-consular', field: 'outcome' }]);
    expect(removed.ok ? [] : removed.problems.map((p) => p.code)).toContain('protection-need-removed');
  });

  it('may allow a handover at one more stage, citing its law, and the diff shows it', () => {
    const r = resolveWith([
      {
        op: 'setStateMeta',
        path: 'travel',
        meta: { handover: { legal: [{ seed: '004', clause: 'F.4', law: 'Ley contra la Trata art. 1' }] } },
      },
    ]);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(handoverStages(r.protocol.machine).map((s) => s.path)).toContain('travel');
    const diff = diffProtocols(regional('child-repatriation'), r.protocol);
    expect(diff.states.changed).toEqual([expect.objectContaining({ path: 'travel', changes: ['handover'] })]);
  });
});
