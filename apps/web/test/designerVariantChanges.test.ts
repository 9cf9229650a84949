import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSchema, listStates, listTransitions, verifyProtocol } from '@ruta/protocol';
import type { ResolvedProtocol } from '@ruta/protocol';
import type { DesignDoc } from '../src/designer/model/DesignDoc.js';
import { addState } from '../src/designer/model/addState.js';
import { removeState } from '../src/designer/model/removeState.js';
import { renameState } from '../src/designer/model/renameState.js';
import { updateState, updateStateMeta } from '../src/designer/model/updateState.js';
import { addTransition, removeTransition, updateTransition } from '../src/designer/model/transitionEdits.js';
import { setEvent, setGuard } from '../src/designer/model/protocolEdits.js';
import {
  addField,
  addForm,
  removeField,
  setFieldConditions,
  updateField,
} from '../src/designer/model/formEdits.js';
import { applyVariant, variantFileFor } from '../src/designer/model/variantFile.js';
import { deriveVariantChanges } from '../src/designer/model/deriveVariantChanges.js';
import { sameJson } from '../src/designer/model/sameJson.js';
import { shipped } from './designerShipped.js';

const header = {
  id: 'voluntary-return-hn',
  version: 1,
  jurisdiction: 'HN' as const,
  base: 'voluntary-return@1',
};

/**
 * What a variant must reproduce: everything but the identity fields the variant file sets, with
 * the order of `required` lists (which means nothing) ignored.
 */
function body(p: ResolvedProtocol) {
  const { id: _i, version: _v, jurisdiction: _j, base: _b, title: _t, description: _d, ...rest } = p;
  return JSON.parse(JSON.stringify(rest), (k, v: unknown) =>
    k === 'required' && Array.isArray(v) ? [...v].sort() : v,
  ) as unknown;
}

type Step = (d: DesignDoc, pickIndex: number) => DesignDoc;

/** Edits a national designer makes, each picking its subject from the document by an index. */
const steps: Record<string, Step> = {
  institution: (d, i) => {
    const s = listStates(d.machine);
    return updateStateMeta(d, s[i % s.length]!.path, { institution: { es: 'DINAF', en: 'DINAF' } });
  },
  deadline: (d, i) => {
    const s = listStates(d.machine);
    return updateStateMeta(d, s[i % s.length]!.path, { deadline: { hours: 12 + (i % 5) } });
  },
  dropDeadline: (d, i) => {
    const s = listStates(d.machine).filter((x) => x.state.meta.deadline);
    return s.length ? updateStateMeta(d, s[i % s.length]!.path, { deadline: undefined }) : d;
  },
  addLaw: (d, i) => {
    const s = listStates(d.machine);
    const st = s[i % s.length]!;
    return updateStateMeta(d, st.path, {
      legal: [...st.state.meta.legal, { seed: '002', clause: '37', law: 'Ley contra la Trata (HN) art. 41' }],
    });
  },
  newStep: (d, i) => {
    const top = listStates(d.machine).filter((x) => x.parent === null && x.state.type !== 'final');
    const from = top[i % top.length]!;
    const made = addState(d, { parent: '', title: { es: `Verificación ${i}`, en: `Check ${i}` } });
    const withEvent = setEvent(made.doc, `CHECK_${i}`, { title: { es: 'Verificar', en: 'Check' } });
    return addTransition(withEvent, { source: from.path, targetPath: made.path, event: `CHECK_${i}` }).doc;
  },
  childStep: (d, i) => {
    const leaves = listStates(d.machine).filter(
      (x) => x.parent !== null && !x.state.states && x.state.type !== 'final',
    );
    if (!leaves.length) return d;
    return addState(d, { parent: leaves[i % leaves.length]!.path, title: { es: 'Sub', en: 'Sub' } }).doc;
  },
  dropStep: (d, i) => {
    const s = listStates(d.machine).filter((x) => x.path !== d.machine.initial);
    return s.length ? removeState(d, s[i % s.length]!.path) : d;
  },
  rename: (d, i) => {
    const s = listStates(d.machine);
    const st = s[i % s.length]!;
    try {
      return renameState(d, st.path, `${st.key}Hn`);
    } catch {
      return d;
    }
  },
  retag: (d, i) => {
    const s = listStates(d.machine);
    return updateState(d, s[i % s.length]!.path, { tags: ['hn-extra'] });
  },
  guard: (d, i) => {
    const ts = listTransitions(d.machine);
    const t = ts[i % ts.length]!;
    const g = setGuard(d, `hnGuard${i}`, {
      logic: { '==': [{ var: 'case.x' }, i] },
      description: { es: 'g', en: 'g' },
    });
    return updateTransition(
      g,
      { source: t.source, event: t.event, index: t.index },
      { guard: `hnGuard${i}` },
    );
  },
  dropTransition: (d, i) => {
    const ts = listTransitions(d.machine);
    const t = ts[i % ts.length]!;
    return removeTransition(d, { source: t.source, event: t.event, index: t.index });
  },
  field: (d, i) => {
    const forms = Object.keys(d.forms);
    return addField(d, forms[i % forms.length]!, '', {
      kind: 'yesNo',
      label: { es: 'Campo HN', en: 'HN field' },
    }).doc;
  },
  requireField: (d, i) => {
    const forms = Object.keys(d.forms);
    const f = d.forms[forms[i % forms.length]!]!;
    const key = Object.keys(f.schema.properties ?? {})[0];
    return key ? updateField(d, f.id, key, { required: !(f.schema.required ?? []).includes(key) }).doc : d;
  },
  dropField: (d, i) => {
    const forms = Object.keys(d.forms);
    const f = d.forms[forms[i % forms.length]!]!;
    const keys = Object.keys(f.schema.properties ?? {});
    return keys.length > 1 ? removeField(d, f.id, keys[i % keys.length]!) : d;
  },
  conditional: (d, i) => {
    const forms = Object.keys(d.forms);
    const f = d.forms[forms[i % forms.length]!]!;
    const keys = Object.keys(f.schema.properties ?? {});
    if (keys.length < 2) return d;
    if (keys.includes(`applies${i}`)) return d;
    const withFlag = addField(d, f.id, '', {
      kind: 'yesNo',
      label: { es: 'Aplica', en: 'Applies' },
      key: `applies${i}`,
    });
    return setFieldConditions(withFlag.doc, f.id, keys[0]!, {
      visibleWhen: { field: `applies${i}`, values: [true] },
    });
  },
  newForm: (d, i) => {
    const made = addForm(d, { title: { es: `Formulario HN ${i}`, en: `HN form ${i}` } });
    const withField = addField(made.doc, made.id, '', {
      kind: 'shortText',
      label: { es: 'Dato', en: 'Datum' },
    }).doc;
    const s = listStates(withField.machine);
    return updateStateMeta(withField, s[i % s.length]!.path, { form: made.id });
  },
};

describe('deriving a national variant', () => {
  const base = shipped('voluntary-return@1');

  it('turns any sequence of edits into changes that rebuild exactly the edited protocol', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...Object.keys(steps)), fc.nat(1000)), {
          minLength: 1,
          maxLength: 8,
        }),
        (plan) => {
          let edited: DesignDoc = base;
          for (const [name, i] of plan) edited = steps[name]!(edited, i);
          const { file, inexpressible } = variantFileFor(base, edited, header);
          fc.pre(inexpressible.length === 0);
          // The file is one the server accepts: it passes the variant schema.
          expect(checkSchema('variant', file)).toEqual([]);
          const { doc, problems } = applyVariant(base, file);
          expect(problems).toEqual([]);
          expect(sameJson(body(doc), body(edited))).toBe(true);
          expect(doc.id).toBe('voluntary-return-hn');
          expect(doc.base).toBe('voluntary-return@1');
        },
      ),
      { numRuns: Number(process.env.DESIGNER_RUNS ?? 200) },
    );
  }, 300_000);

  it('says a new step with a new field in the smallest changes a reader can follow', () => {
    const made = addState(base, { parent: '', title: { es: 'Verificación DINAF', en: 'DINAF check' } });
    const withForm = addForm(made.doc, {
      title: { es: 'Verificación DINAF', en: 'DINAF check' },
      id: 'hn-dinaf-check',
    });
    const withField = addField(withForm.doc, 'hn-dinaf-check', '', {
      kind: 'yesNo',
      label: { es: '¿DINAF notificada?', en: 'DINAF notified?' },
    });
    const edited = updateStateMeta(withField.doc, made.path, {
      form: 'hn-dinaf-check',
      institution: { es: 'DINAF', en: 'DINAF' },
    });
    const { changes } = deriveVariantChanges(base, edited);
    expect(changes.map((c) => c.op)).toEqual(['addForm', 'addState']);
    const institution = updateStateMeta(base, listStates(base.machine)[1]!.path, {
      institution: { es: 'CICESCT', en: 'CICESCT' },
    });
    expect(deriveVariantChanges(base, institution).changes).toEqual([
      {
        op: 'setStateMeta',
        path: listStates(base.machine)[1]!.path,
        meta: { institution: { es: 'CICESCT', en: 'CICESCT' } },
      },
    ]);
  });

  it('reports edits a variant cannot make instead of dropping them', () => {
    const edited = {
      ...base,
      population: 'any' as const,
      machine: { ...base.machine, initial: Object.keys(base.machine.states)[1]! },
    };
    expect(
      deriveVariantChanges(base, edited)
        .inexpressible.map((x) => x.code)
        .sort(),
    ).toEqual(['initial', 'population']);
  });

  it('an untouched base gives an empty variant that verifies like its base', () => {
    const { file } = variantFileFor(base, base, header);
    expect(file.changes).toEqual([]);
    const { doc } = applyVariant(base, file);
    expect(verifyProtocol(doc).filter((p) => p.severity !== 'warning')).toEqual([]);
  });

  it('keeps what a national deadline counts from, or drops it ("from": null) when the designer counts from the entry', () => {
    const child = shipped('child-repatriation@1');
    const path = 'identification.protection.consular.pending';
    const header = {
      id: 'child-repatriation-hn',
      version: 1,
      jurisdiction: 'HN' as const,
      base: 'child-repatriation@1',
    };
    const from = { field: 'cr-detection.detectedAt' };
    for (const deadline of [{ hours: 48, from }, { hours: 48 }]) {
      const edited = updateStateMeta(child, path, { deadline });
      const { file } = variantFileFor(child, edited, header);
      expect(file.changes).toEqual([
        {
          op: 'setStateMeta',
          path,
          meta: { deadline: deadline.from ? deadline : { ...deadline, from: null } },
        },
      ]);
      const { doc, problems } = applyVariant(child, file);
      expect(problems).toEqual([]);
      expect(listStates(doc.machine).find((s) => s.path === path)!.state.meta.deadline).toEqual(deadline);
    }
  });
});
