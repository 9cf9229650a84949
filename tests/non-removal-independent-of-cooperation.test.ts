/**
 * Seed 002 #36: no deportation or removal procedure is applied to a victim, whether or not they
 * cooperate with the authorities. In the shipped regularisation protocols nothing a guard reads
 * can carry cooperation with the prosecution, and a case reaches the non-removal guarantee with
 * an application that says nothing about it.
 */
import { compileProtocol, openCase, step } from '@ruta/engine';
import { guardVariables, listFormFields } from '@ruta/protocol';
import { describe, expect, it } from 'vitest';
import { shippedProtocols } from './support/shippedProtocols.js';

const { protocols } = shippedProtocols();
const regularisation = protocols.filter((p) => p.protocol.id.startsWith('migration-regularisation'));

/** Words a field about cooperation with the investigation would use, in either language. */
const COOPERATION = /cooperat|coopera|complaint|denuncia/i;

describe('non-removal does not depend on cooperating with the prosecution', () => {
  it('covers the regional protocol and every national variant of it', () => {
    expect(regularisation.map((p) => p.ref).sort()).toEqual([
      'migration-regularisation-mx@1',
      'migration-regularisation@1',
    ]);
  });

  for (const { ref, protocol } of regularisation) {
    it(`${ref}: no form has a field about cooperation, and no guard reads one`, () => {
      const fields = Object.values(protocol.forms).flatMap((form) =>
        listFormFields(form)
          .filter(
            (f) =>
              COOPERATION.test(f.key) ||
              COOPERATION.test(f.label?.en ?? '') ||
              COOPERATION.test(f.label?.es ?? ''),
          )
          .map((f) => `${form.id}.${f.path}`),
      );
      expect(fields).toEqual([]);
      const read = Object.entries(protocol.guards).flatMap(([name, g]) =>
        guardVariables(g.logic)
          .filter((v) => COOPERATION.test(v))
          .map((v) => `${name} reads ${v}`),
      );
      expect(read).toEqual([]);
    });

    it(`${ref}: the guarantee is issued to an applicant who has said nothing about cooperating`, () => {
      const compiled = compileProtocol(protocol);
      let ms = Date.parse('2026-12-01T09:00:00Z');
      let n = 0;
      const deps = { clock: () => new Date((ms += 60_000)).toISOString(), ids: () => `e${++n}` };
      const country = protocol.jurisdiction === 'REGIONAL' ? 'GT' : protocol.jurisdiction;
      const actor = { userId: 'cw', role: 'caseworker' as const, country };
      const opened = openCase(compiled, { id: 'c1', country, actor }, deps);
      const application = protocol.forms['mr-application']!.examples![0]!;
      const filed = step(
        compiled,
        opened.case,
        { event: 'APPLICATION_FILED', data: application, actor },
        deps,
      );
      expect(filed.ok).toBe(true);
      if (!filed.ok) return;
      expect(filed.case.value).toEqual({ pending: 'nonRemoval' });
      expect(compiled.states.get('pending')?.tags).toContain('non-removal');
      const guarantee = step(
        compiled,
        filed.case,
        { event: 'GUARANTEE_ISSUED', data: protocol.forms['mr-non-removal']!.examples![0], actor },
        deps,
      );
      expect(guarantee.ok).toBe(true);
      if (guarantee.ok) expect(guarantee.case.value).toEqual({ pending: 'documents' });
    });
  }
});
