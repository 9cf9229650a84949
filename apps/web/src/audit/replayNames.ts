import type { StateValue } from '@ruta/engine';
import { getState, type ResolvedProtocol, type Text } from '@ruta/protocol';
import { fieldAt } from '../forms/fieldAt.js';
import { fieldPath } from '../forms/rejectionsToErrorSchema.js';
import { stateValueToPaths } from '../case/statePaths.js';

/** What a replay's reasons are worded with: the titles a protocol gives its stages, steps and forms. */
export type ProtocolTexts = Pick<ResolvedProtocol, 'machine' | 'events' | 'forms'>;

/** Names in the page's language for what a replay reason refers to by id. */
export interface ReplayNames {
  /** The stages a state value stands in, by title: "Protección · Albergue" ("" when not a state value). */
  stage(value: unknown): string;
  /** A step's title, or its id when no protocol knows it. */
  event(type: string): string;
  /** A form's title, or its id when no protocol knows it. */
  form(id: string): string;
  /** The label of the field a form error is about, or null when it cannot be told. */
  field(form: string, path: string, keyword: string, message: string): string | null;
  /** A protocol text in the page's language. */
  text(text: Text | undefined): string;
}

/**
 * Names from the protocol versions a replay involves, the first that knows an id winning (for a
 * what-if: the version compared with, then the one the case ran under, whose forms still have
 * the fields the record holds).
 *
 * @example
 *   replayNames([regional, mexican], pick).stage({ identification: 'verification' }) // "Verificación"
 */
export function replayNames(
  protocols: readonly ProtocolTexts[],
  pick: (text: Text | undefined) => string,
): ReplayNames {
  const first = <R>(find: (p: ProtocolTexts) => R | null | undefined | ''): R | null => {
    for (const p of protocols) {
      const hit = find(p);
      if (hit) return hit;
    }
    return null;
  };
  return {
    stage(value) {
      if (!isStateValue(value)) return '';
      const paths = stateValueToPaths(value);
      const leaves = paths.filter((p) => !paths.some((q) => q.startsWith(`${p}.`)));
      return leaves
        .map((p) => first((pr) => pick(getState(pr.machine, p)?.meta.title)) ?? p.split('.').pop() ?? p)
        .join(' · ');
    },
    event: (type) => first((p) => pick(p.events[type]?.title)) ?? type,
    form: (id) => first((p) => pick(p.forms[id]?.title)) ?? id,
    field(form, path, keyword, message) {
      const segments = fieldPath(path, keyword, message);
      if (segments.length === 0) return null;
      return first((p) => {
        const schema = fieldAt(p.forms[form]?.schema, segments);
        const label = schema?.['x-label'];
        return isText(label) ? pick(label) : null;
      });
    },
    text: pick,
  };
}

function isStateValue(v: unknown, depth = 0): v is StateValue {
  if (typeof v === 'string') return true;
  if (typeof v !== 'object' || v === null || Array.isArray(v) || depth > 32) return false;
  return Object.values(v).every((child) => isStateValue(child, depth + 1));
}

function isText(v: unknown): v is Text {
  if (typeof v !== 'object' || v === null) return false;
  return ('es' in v && typeof v.es === 'string') || ('en' in v && typeof v.en === 'string');
}
