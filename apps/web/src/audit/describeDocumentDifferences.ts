import type { DocumentDifference } from '../api/types.js';
import type { ReplayNames } from './replayNames.js';

type T = (key: string, opts?: Record<string, unknown>) => string;

/**
 * The parts of a stored case that differ from its history, as one phrase in the page's language:
 * stages by their titles, forms by theirs (never the data itself).
 *
 * @example describeDocumentDifferences([{ part: 'data', form: 'cr-detection' }], t, names)
 *   // "los datos del formulario «Detección»"
 */
export function describeDocumentDifferences(
  differences: readonly DocumentDifference[],
  t: T,
  names: ReplayNames,
): string {
  const status = (s: unknown) =>
    s === 'active' || s === 'closed' ? t(`audit.status.${s}`) : t('audit.part.other');
  return differences
    .map((d) => {
      switch (d.part) {
        case 'stage': {
          const stored = names.stage(d.stored);
          const replayed = names.stage(d.replayed);
          return stored && replayed ? t('audit.part.stage', { stored, replayed }) : t('audit.part.stageOnly');
        }
        case 'status':
          return t('audit.part.status', { stored: status(d.stored), replayed: status(d.replayed) });
        case 'data':
          return t('audit.part.data', { form: names.form(d.form) });
        case 'seq':
          return t('audit.part.seq', {
            stored: typeof d.stored === 'number' ? d.stored : '?',
            replayed: d.replayed,
          });
        case 'head':
          return t('audit.part.head');
        default:
          return t(`audit.part.${d.part}`, { defaultValue: t('audit.part.other') });
      }
    })
    .join(', ');
}
