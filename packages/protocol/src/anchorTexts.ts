import { namesOrNone, type BilingualText } from './problemText.js';
import type { Text } from './types.js';

/**
 * What the verifier says about where deadlines and delays count from (`from`: a date-time field
 * of a form recorded before), in English and Spanish. `what` names the deadline or delay, as
 * anchorUseLabel words it, starting a sentence.
 */
export const anchorTexts = {
  malformed: (what: Text, written: string): BilingualText => ({
    message: `${what.en} counts from ${written}, which names no field.`,
    hint: 'Write "from": {"field": "<form id>.<field>"}, e.g. {"field": "cr-detection.detectedAt"}, or remove "from" to count from the step.',
    es: {
      message: `${what.es} cuenta desde ${written}, que no nombra ningún campo.`,
      hint: 'Escriba "from": {"field": "<id del formulario>.<campo>"}, p. ej. {"field": "cr-detection.detectedAt"}, o quite "from" para contar desde el paso.',
    },
  }),

  unknownForm: (what: Text, field: string, form: string, candidates: readonly string[]): BilingualText => ({
    message: `${what.en} counts from "${field}", but the protocol has no form "${form}".`,
    hint: `Name a date-time field of a form recorded before, as "<form id>.<field>": ${namesOrNone.en(candidates)}.`,
    es: {
      message: `${what.es} cuenta desde «${field}», pero el protocolo no tiene el formulario «${form}».`,
      hint: `Nombre un campo de fecha y hora de un formulario guardado antes, como "<id del formulario>.<campo>": ${namesOrNone.es(candidates)}.`,
    },
  }),

  unknownField: (
    what: Text,
    field: string,
    form: string,
    path: string,
    candidates: readonly string[],
  ): BilingualText => ({
    message: `${what.en} counts from "${field}", but form "${form}" has no field "${path}" (a field inside a list cannot anchor a deadline).`,
    hint: `Use one of the date-time fields: ${namesOrNone.en(candidates)}.`,
    es: {
      message: `${what.es} cuenta desde «${field}», pero el formulario «${form}» no tiene el campo «${path}» (un campo dentro de una lista no puede ser el punto de partida de un plazo).`,
      hint: `Use uno de los campos de fecha y hora: ${namesOrNone.es(candidates)}.`,
    },
  }),

  notDateTime: (
    what: Text,
    field: string,
    format: string | undefined,
    candidates: readonly string[],
  ): BilingualText => ({
    message: `${what.en} counts from "${field}", which is ${format === undefined ? 'not a date and time' : `of format "${format}", not "date-time"`}: a deadline counts from an instant, with its hour.`,
    hint: `Use a field of format "date-time": ${namesOrNone.en(candidates)}; or give the field format "date-time".`,
    es: {
      message: `${what.es} cuenta desde «${field}», que ${format === undefined ? 'no es una fecha y hora' : `tiene el formato «${format}», no «date-time»`}: un plazo cuenta desde un momento, con su hora.`,
      hint: `Use un campo de formato "date-time": ${namesOrNone.es(candidates)}; o dé al campo el formato "date-time".`,
    },
  }),

  notRecorded: (what: Text, field: string, form: string, reached: Text, path: Text): BilingualText => ({
    message: `${what.en} counts from "${field}", but a case can reach ${reached.en} without form "${form}" recorded: ${path.en}.`,
    hint: `Count from a form recorded on every way to this step, record "${form}" on every way to it, or remove "from" (the deadline then counts from the step that starts it).`,
    es: {
      message: `${what.es} cuenta desde «${field}», pero un caso puede llegar a ${reached.es} sin el formulario «${form}» guardado: ${path.es}.`,
      hint: `Cuente desde un formulario guardado en todos los caminos a esta etapa, guarde «${form}» en todos ellos, o quite "from" (el plazo cuenta entonces desde el paso que lo inicia).`,
    },
  }),
};

/** How an anchor problem names the deadline or delay it is about, starting a sentence. */
export const anchorUseLabel = {
  stateDeadline: (state: Text): Text => ({
    en: `The deadline of ${state.en}`,
    es: `El plazo de ${state.es}`,
  }),
  actionDeadline: (name: string, state: Text): Text => ({
    en: `Deadline "${name}" (set at ${state.en})`,
    es: `El plazo «${name}» (puesto en ${state.es})`,
  }),
  delay: (name: string, state: Text): Text => ({
    en: `Delay "${name}" (waited for at ${state.en})`,
    es: `El plazo automático «${name}» (que espera ${state.es})`,
  }),
  delayAlone: (name: string): Text => ({ en: `Delay "${name}"`, es: `El plazo automático «${name}»` }),
};

/** A path through the statechart as the events sent along it, for a message. */
export function anchorPath(events: readonly string[]): Text {
  if (events.length === 0)
    return { en: 'it starts there when the case opens', es: 'empieza ahí al abrir el caso' };
  return { en: `e.g. by ${events.join(' → ')}`, es: `p. ej. con ${events.join(' → ')}` };
}
