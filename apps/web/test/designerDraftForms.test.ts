import { describe, expect, it } from 'vitest';
import type { Draft } from '../src/designer/api/designerApi.js';
import { voluntaryReturnFixture as v1 } from '../src/designer/fixtures/voluntaryReturnFixture.js';
import { addField } from '../src/designer/model/formEdits.js';
import { fileFor, type LoadedDraft } from '../src/designer/state/useDraftSession.js';

/** A regional draft of version 2 as loadDraft gives it: the forms of version 1 plus the draft's own. */
function loaded(forms: Draft['forms']): LoadedDraft {
  const { forms: previousForms, invariantsInForce, base: _b, ...file } = v1;
  return {
    draft: {
      id: 'd1',
      file: { ...file, kind: 'protocol', version: 2 },
      forms,
      revision: 1,
      updatedAt: '2026-03-10T10:00:00.000Z',
      problems: [],
      invariantsInForce,
    },
    doc: { ...file, version: 2, forms: { ...previousForms, ...forms }, invariantsInForce },
    base: null,
    problems: [],
    previousForms,
  };
}

describe('a regional draft keeps its forms', () => {
  it('stores only the forms it adds or edits, each edited one a version up, without "$schema"', () => {
    const start = loaded({});
    expect(fileFor(start, start.doc).forms).toEqual({});

    const edited = addField(start.doc, 'riskAssessment', '', {
      kind: 'shortText',
      label: { es: 'Nombre del intérprete', en: 'Interpreter’s name' },
    }).doc;
    const withSchema = {
      ...edited,
      forms: { ...edited.forms, riskAssessment: { ...edited.forms.riskAssessment!, $schema: 'x' } },
    };
    const { forms, file } = fileFor(start, withSchema);
    expect(Object.keys(forms!)).toEqual(['riskAssessment']);
    expect(forms!.riskAssessment!.version).toBe(v1.forms.riskAssessment!.version + 1);
    expect(forms!.riskAssessment).not.toHaveProperty('$schema');
    expect(file).not.toHaveProperty('forms');

    // Loaded again with that form stored, saving does not raise its version a second time.
    const again = loaded(forms!);
    expect(fileFor(again, again.doc).forms).toEqual(forms);
  });
});
