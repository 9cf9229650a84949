import { currentFormFields } from './formFields.js';
import type { BilingualText } from './problemText.js';
import { protectionNeedAnswers } from './protectionNeedAnswers.js';
import type { Problem, ResolvedProtocol } from './types.js';

/**
 * A new version of a protocol may protect a victim's data more than the versions before it, never
 * less. Cases migrate to the new version with the data they recorded under the old ones, and the
 * server reserves a value by the case's current version: a field an earlier version marks
 * x-sensitive that the new one does not would show in full what was recorded as confidential, and
 * one that becomes x-shareable would cross the border on a handover. So a field of a form any
 * earlier published version of the same id marks x-sensitive stays so (while the new version keeps
 * the form and the field), and stays in the country if every earlier version that marks it
 * sensitive kept it there. Likewise every answer an earlier version declares as a need for
 * international protection (x-protectionNeed) stays declared on its form and field, or a migrated
 * case recording it could be handed over to the country the person fears. Returns a problem per
 * field (or answer) that loses protection.
 *
 * @example protectionLoweredSince([v1], v2) // [] when v2 keeps every x-sensitive mark of v1
 */
export function protectionLoweredSince(
  earlier: readonly ResolvedProtocol[],
  next: ResolvedProtocol,
  file?: string,
): Problem[] {
  const problems: Problem[] = [];
  for (const [formId, form] of Object.entries(next.forms)) {
    const marks = earlierMarks(earlier, formId);
    if (marks.size === 0) continue;
    for (const field of currentFormFields(form)) {
      const mark = marks.get(field.path);
      if (!mark) continue;
      const location = {
        ...(file ? { file } : {}),
        pointer: `/forms/${formId}`,
        form: formId,
        field: field.path,
      };
      if (!field.sensitive)
        problems.push({
          code: 'sensitive-unmarked',
          location,
          ...unmarked(formId, field.path, mark.versions),
        });
      else if (field.shareable && !mark.shareable)
        problems.push({
          code: 'sensitive-made-shareable',
          location,
          ...madeShareable(formId, field.path, mark.versions),
        });
    }
  }
  problems.push(...protectionNeedDropped(earlier, next, file));
  return problems;
}

/**
 * The answers earlier versions declare as a need for international protection (x-protectionNeed)
 * stay declared, on the same form and field: a case migrated with such an answer recorded must
 * still not be handed over to the country the person fears.
 */
function protectionNeedDropped(
  earlier: readonly ResolvedProtocol[],
  next: ResolvedProtocol,
  file: string | undefined,
): Problem[] {
  const was = new Map<
    string,
    { form: string; field: string; values: Map<string | number | boolean, number[]> }
  >();
  for (const protocol of [...earlier].sort((a, b) => a.version - b.version)) {
    for (const answer of protectionNeedAnswers(protocol)) {
      const key = `${answer.form}\u0000${answer.field}`;
      const entry = was.get(key) ?? { form: answer.form, field: answer.field, values: new Map() };
      for (const value of answer.values)
        entry.values.set(value, [...(entry.values.get(value) ?? []), protocol.version]);
      was.set(key, entry);
    }
  }
  if (was.size === 0) return [];
  const now = new Map(
    protectionNeedAnswers(next).map((a) => [`${a.form}\u0000${a.field}`, new Set(a.values)]),
  );
  const problems: Problem[] = [];
  for (const [key, { form, field, values }] of was) {
    const declared = now.get(key);
    for (const [value, versions] of values) {
      if (declared?.has(value)) continue;
      problems.push({
        code: 'protection-need-removed',
        location: { ...(file ? { file } : {}), pointer: `/forms/${form}`, form, field },
        ...needDropped(form, field, value, versions),
      });
    }
  }
  return problems;
}

interface Mark {
  /** The earlier versions that mark the field x-sensitive. */
  versions: number[];
  /** Whether every one of them lets it cross a border (x-shareable). */
  shareable: boolean;
}

/** The x-sensitive fields of `formId` in the earlier versions, by path. */
function earlierMarks(earlier: readonly ResolvedProtocol[], formId: string): Map<string, Mark> {
  const marks = new Map<string, Mark>();
  for (const protocol of [...earlier].sort((a, b) => a.version - b.version)) {
    const form = Object.hasOwn(protocol.forms, formId) ? protocol.forms[formId] : undefined;
    if (!form) continue;
    for (const field of currentFormFields(form)) {
      if (!field.sensitive) continue;
      const mark = marks.get(field.path);
      if (mark) {
        mark.versions.push(protocol.version);
        mark.shareable &&= field.shareable;
      } else marks.set(field.path, { versions: [protocol.version], shareable: field.shareable });
    }
  }
  return marks;
}

function versionList(versions: number[], and: string): string {
  return versions.length === 1
    ? String(versions[0])
    : `${versions.slice(0, -1).join(', ')} ${and} ${versions[versions.length - 1]}`;
}

function unmarked(form: string, field: string, versions: number[]): BilingualText {
  const one = versions.length === 1;
  return {
    message: `The field "${field}" of the form "${form}" is sensitive in version${one ? '' : 's'} ${versionList(versions, 'and')}; this version removes its x-sensitive mark, so values recorded as confidential in cases migrated here would show in full`,
    hint: 'keep "x-sensitive": true on it (a new version may protect a victim\'s data more than the versions before it, never less); to stop recording it, remove the field or give the form a new id',
    es: {
      message: `El campo «${field}» del formulario «${form}» es sensible en ${one ? 'la versión' : 'las versiones'} ${versionList(versions, 'y')}; esta versión le quita la marca x-sensitive, y los valores registrados como reservados en los casos migrados a ella se mostrarían enteros.`,
      hint: 'Deje "x-sensitive": true en él (una versión nueva puede proteger los datos de la víctima más que las anteriores, nunca menos); para dejar de registrarlo, quite el campo o dé al formulario un id nuevo.',
    },
  };
}

function madeShareable(form: string, field: string, versions: number[]): BilingualText {
  const one = versions.length === 1;
  return {
    message: `The sensitive field "${field}" of the form "${form}" stays in the country under version${one ? '' : 's'} ${versionList(versions, 'and')}; this version marks it x-shareable, so what cases recorded there would cross the border on a handover`,
    hint: 'remove "x-shareable" from it (or set it to false): a new version may not send abroad what earlier versions kept in the country',
    es: {
      message: `El campo sensible «${field}» del formulario «${form}» no sale del país según ${one ? 'la versión' : 'las versiones'} ${versionList(versions, 'y')}; esta versión lo marca x-shareable, y lo que los casos registraron allí cruzaría la frontera en un traspaso.`,
      hint: 'Quite "x-shareable" del campo (o póngalo en false): una versión nueva no puede enviar al extranjero lo que las anteriores guardaban en el país.',
    },
  };
}

function needDropped(form: string, field: string, value: unknown, versions: number[]): BilingualText {
  const one = versions.length === 1;
  return {
    message: `The answer "${String(value)}" of the field "${field}" of the form "${form}" means a need for international protection in version${one ? '' : 's'} ${versionList(versions, 'and')}; this version does not declare it (x-protectionNeed), so a case migrated here with that answer could be handed over to the country the person fears`,
    hint: `keep the form, the field, "${String(value)}" among its choices and in its "x-protectionNeed": cases recorded under the earlier versions hold that answer`,
    es: {
      message: `La respuesta «${String(value)}» del campo «${field}» del formulario «${form}» significa necesidad de protección internacional en ${one ? 'la versión' : 'las versiones'} ${versionList(versions, 'y')}; esta versión no la declara (x-protectionNeed), y un caso migrado a ella con esa respuesta podría traspasarse al país que la persona teme.`,
      hint: `Conserve el formulario, el campo, «${String(value)}» entre sus opciones y en su "x-protectionNeed": los casos registrados con las versiones anteriores tienen esa respuesta.`,
    },
  };
}
