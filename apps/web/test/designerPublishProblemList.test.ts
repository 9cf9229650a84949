// What a refused publish lists: the problems themselves, each once, never the server's note that
// "draft/<id>.json has problems" with its internal path.
import { describe, expect, it } from 'vitest';
import type { Problem } from '@ruta/protocol';
import { lintDesignDoc } from '../src/designer/model/lintDesignDoc.js';
import { publishProblems, withoutDuplicates } from '../src/designer/model/publishProblems.js';
import { updateStateMeta } from '../src/designer/model/updateState.js';
import { voluntaryReturnFixture as doc } from '../src/designer/fixtures/voluntaryReturnFixture.js';

/** The note the server gives when the draft's own file fails the protocol file schema. */
const serverNote: Problem = {
  code: 'invalid-protocol',
  location: { file: 'draft/voluntary-return.json', pointer: '' },
  message: 'voluntary-return@2, draft/voluntary-return.json, has problems',
  hint: 'fix the problems reported for draft/voluntary-return.json first',
  es: {
    message: 'voluntary-return@2, draft/voluntary-return.json, tiene problemas.',
    hint: 'Corrija primero los problemas señalados en draft/voluntary-return.json.',
  },
};

describe('the problems of a refused publish', () => {
  it('are the ones the page finds, in place of the note about the draft file', () => {
    const emptied = updateStateMeta(doc, 'travel', { title: { es: '', en: 'Travel' } });
    const shown = publishProblems([serverNote], lintDesignDoc(emptied));
    expect(shown).toHaveLength(1);
    expect(shown[0]!.es.message).toBe('Falta el texto en español del título de la etapa «travel».');
    expect(JSON.stringify(shown)).not.toContain('draft/');
  });

  it('say the draft is not a valid file, without its path, when the page finds nothing', () => {
    const [p, ...rest] = publishProblems([serverNote], []);
    expect(rest).toEqual([]);
    expect(p!.es.message).toBe('El borrador todavía no es un archivo de protocolo válido.');
    expect(JSON.stringify(p)).not.toContain('draft/');
  });

  it('keep the problems the server names itself, each once', () => {
    const unreachable: Problem = {
      code: 'unreachable-state',
      location: { pointer: '/machine/states/travel', state: 'travel' },
      message: 'No case can ever reach travel',
      hint: 'add a transition',
      es: { message: 'Ningún caso puede llegar nunca a «travel».', hint: 'Añada una transición.' },
    };
    expect(publishProblems([unreachable, unreachable], [])).toEqual([unreachable]);
    expect(withoutDuplicates([unreachable, { ...unreachable }])).toHaveLength(1);
  });
});
