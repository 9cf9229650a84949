import type { ChainReport } from '../api/types.js';
import { describeDocumentDifferences } from './describeDocumentDifferences.js';
import type { ReplayNames } from './replayNames.js';

type T = (key: string, opts?: Record<string, unknown>) => string;

/**
 * The verdict of a chain check as one sentence in the page's language: intact, where and why it
 * breaks (an event changed, missing, out of order...), events missing at its end, or the stored
 * case differing from its history, from the report's `problem` (never the engine's English).
 *
 * @example describeChainReport({ ok: false, events: 9, brokenAt: 4, reason: '…',
 *   problem: { code: 'events-missing', seq: 4, from: 4, to: 4 } }, t, names)
 *   // "La cadena se rompe en el evento 4: falta el evento 4: el historial salta al evento 5."
 */
export function describeChainReport(r: ChainReport, t: T, names: ReplayNames): string {
  if (r.ok) return t('audit.chainOk', { count: r.events });
  const p = r.problem;
  const last = r.events - 1;
  if (p?.code === 'events-missing-at-end') {
    if (p.to === null) return t('audit.chain.missingAtEndUnknown');
    return p.to === p.from
      ? t('audit.chain.missingAtEnd', { to: p.to, last })
      : t('audit.chain.missingAtEndRange', { from: p.from, to: p.to, last });
  }
  if (p?.code === 'document-differs')
    return t('audit.chain.documentDiffers', {
      parts: describeDocumentDifferences(p.differences, t, names),
    });
  return t('audit.chainBroken', { seq: r.brokenAt ?? '?', reason: why(r, t) });
}

function why(r: ChainReport, t: T): string {
  const p = r.problem;
  switch (p?.code) {
    case 'altered':
      return t('audit.chain.altered', { seq: p.seq });
    case 'events-missing':
      return p.from === p.to
        ? t('audit.chain.eventsMissing', { from: p.from, after: p.to + 1 })
        : t('audit.chain.eventsMissingRange', { from: p.from, to: p.to, after: p.to + 1 });
    case 'seq-out-of-order':
      return t('audit.chain.seqOutOfOrder', { seq: p.seq, found: p.found });
    case 'other-case':
      return t('audit.chain.otherCase', { seq: p.seq });
    case 'not-opened-first':
      return t('audit.chain.notOpenedFirst');
    case 'opened-again':
      return t('audit.chain.openedAgain', { seq: p.seq });
    case 'prev-mismatch':
      return t('audit.chain.prevMismatch', { seq: p.seq, before: p.seq - 1 });
    case 'bad-record':
      return t('audit.chain.badRecord', { seq: p.seq });
    case 'empty':
    case 'not-a-list':
      return t('audit.chain.empty');
    default:
      return t('audit.chain.other');
  }
}
