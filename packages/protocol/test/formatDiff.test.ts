import { describe, expect, it } from 'vitest';
import { diffProtocols, formatDiff, resolveProtocol, type VariantChange } from '../src/index.js';
import { meta, registryWith, t, variant } from './protocolFixture.js';

function both(...changes: VariantChange[]) {
  const registry = registryWith(variant(changes));
  const a = resolveProtocol(registry, 'child-repatriation@1');
  const b = resolveProtocol(registry, 'child-repatriation-gt@1');
  if (!a.ok || !b.ok) throw new Error('resolve');
  return [a.protocol, b.protocol] as const;
}

describe('formatDiff', () => {
  it('writes one line per difference, with state titles in the language asked for', () => {
    const [a, b] = both(
      {
        op: 'setStateMeta',
        path: 'protection.consular',
        meta: { institution: t('PGN'), deadline: { hours: 12 } },
      },
      {
        op: 'addState',
        path: 'protection.pgn',
        state: { meta: { ...meta('x'), title: t('Aviso a la PGN', 'Notice to PGN') } },
      },
      { op: 'replaceTransition', from: 'protection.shelter', event: 'NEXT', transitions: { target: 'pgn' } },
      {
        op: 'addField',
        form: 'screening',
        field: 'victim.dpi',
        schema: { type: 'string', 'x-label': t('DPI') },
      },
    );
    expect(formatDiff(diffProtocols(a, b), 'en')).toBe(
      [
        'child-repatriation@1 -> child-repatriation-gt@1',
        'Protocol: changed title, jurisdiction, base',
        'States',
        '  + protection.pgn "Notice to PGN"',
        '  ~ protection.consular "Notificación consular": deadline, institution',
        'Transitions',
        '  ~ protection.shelter NEXT[0]: target (-> consular => -> pgn)',
        'Forms',
        '  ~ screening',
        '      + victim.dpi',
      ].join('\n'),
    );
    expect(formatDiff(diffProtocols(a, b), 'es')).toContain('  + protection.pgn "Aviso a la PGN"');
  });

  it('says when there is no difference', () => {
    const [a] = both();
    expect(formatDiff(diffProtocols(a, a), 'es')).toBe(
      'child-repatriation@1 -> child-repatriation@1\nSin diferencias.',
    );
  });
});
