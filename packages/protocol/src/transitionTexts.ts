import { didYouMean, namesOrNone, type BilingualText } from './problemText.js';
import { ACTION_TYPES, ROLES, type Text } from './types.js';

/**
 * What the verifier says about transitions and what they name (events, guards, delays, roles,
 * actions, the data guards read) and about definitions nothing uses, in English and Spanish:
 * one function per problem code and situation. `from` is a state as stateLabel names it.
 */
export const transitionTexts = {
  numericDelayName: (from: Text, delay: string): BilingualText => ({
    message: `${from.en} waits for "${delay}": a number there is read as milliseconds, not as one of the protocol's delays.`,
    hint: `Name the delay with words (e.g. "consularNotification24h"), define it under "delays" with its hours, and use that name here.`,
    es: {
      message: `${from.es} espera «${delay}»: un número ahí se lee como milisegundos, no como uno de los plazos automáticos del protocolo.`,
      hint: 'Nombre el plazo con palabras (p. ej. "consularNotification24h"), defínalo en "delays" con sus horas y use ese nombre aquí.',
    },
  }),

  unknownDelay: (
    from: Text,
    delay: string,
    delays: readonly string[],
    near: string | undefined,
  ): BilingualText => ({
    message: `${from.en} waits for "${delay}", which is not one of the protocol's delays.`,
    hint: `Define "${delay}" under "delays" with its number of hours, or use one of: ${namesOrNone.en(delays)}.${didYouMean.en(near)}`,
    es: {
      message: `${from.es} espera «${delay}», que no es uno de los plazos automáticos del protocolo.`,
      hint: `Defina «${delay}» en "delays" con su número de horas, o use uno de: ${namesOrNone.es(delays)}.${didYouMean.es(near)}`,
    },
  }),

  doneNeverTaken: (from: Text): BilingualText => ({
    message: `${from.en} has "onDone", but it has no inner steps, so it is never "done".`,
    hint: 'Use an event (under "on") to leave this state, or add inner steps ending in a final state.',
    es: {
      message: `${from.es} tiene "onDone", pero no tiene sub-etapas, así que nunca termina ("done").`,
      hint: 'Use una acción (en "on") para salir de esta etapa, o añada sub-etapas que acaben en una etapa final.',
    },
  }),

  unknownEvent: (
    from: Text,
    event: string,
    events: readonly string[],
    near: string | undefined,
  ): BilingualText => ({
    message: `${from.en} reacts to event "${event}", which is not one of the protocol's events.`,
    hint: `Add "${event}" to "events" with its title in Spanish and English (it labels the button case workers press), or use one of: ${namesOrNone.en(events)}.${didYouMean.en(near)}`,
    es: {
      message: `${from.es} responde a la acción «${event}», que no está entre los eventos del protocolo ("events").`,
      hint: `Añada «${event}» a "events" con su título en español y en inglés (es el texto del botón que pulsa el personal de casos), o use uno de: ${namesOrNone.es(events)}.${didYouMean.es(near)}`,
    },
  }),

  /** `target` is the value written in the file, as JSON; `how` says how to write it (targetHint). */
  unknownTarget: (from: Text, on: Text, target: string, how: Text): BilingualText => ({
    message: `A transition from ${from.en}${on.en} goes to ${target}, which names no state.`,
    hint: how.en,
    es: {
      message: `Una transición desde ${from.es}${on.es} va a ${target}, que no es ninguna etapa.`,
      hint: how.es,
    },
  }),

  /** How to write the target of a transition, with the nearest existing state when there is one. */
  targetHint: (machineId: string, written: string | undefined): Text => {
    const rules = {
      en: `A target is a sibling state ("riskAssessment"), an inner step (".shelter"), or any state by its full path from the top ("#${machineId}.decision.return").`,
      es: `Un destino es una etapa del mismo nivel ("riskAssessment"), una sub-etapa (".shelter") o cualquier etapa por su ruta completa desde arriba ("#${machineId}.decision.return").`,
    };
    return written === undefined
      ? {
          en: `Point the transition at an existing state. ${rules.en}`,
          es: `Dirija la transición a una etapa que exista. ${rules.es}`,
        }
      : { en: `Did you mean "${written}"? ${rules.en}`, es: `¿Quiso decir «${written}»? ${rules.es}` };
  },

  /** How a message says which event a transition is on: ` on "SUBMIT"`, ` when it is done`, ... */
  eventPhrase: (event: string): Text => {
    if (event === 'done') return { en: ' when it is done', es: ' al terminar sus sub-etapas' };
    if (event.startsWith('after:')) {
      const delay = event.slice('after:'.length);
      return { en: ` after "${delay}"`, es: ` tras el plazo automático «${delay}»` };
    }
    return { en: ` on "${event}"`, es: ` con la acción «${event}»` };
  },

  /** `guard` is the value written in the file, as JSON. */
  unknownGuard: (
    from: Text,
    on: Text,
    guard: string,
    guards: readonly string[],
    near: string | undefined,
  ): BilingualText => ({
    message: `A transition from ${from.en}${on.en} is conditioned on ${guard}, which is not one of the protocol's guards.`,
    hint: `Define it under "guards" (a JSON Logic condition and its description), or use one of: ${namesOrNone.en(guards)}.${didYouMean.en(near)}`,
    es: {
      message: `Una transición desde ${from.es}${on.es} depende de la condición ${guard}, que no está entre las condiciones del protocolo ("guards").`,
      hint: `Defínala en "guards" (una condición JSON Logic y su descripción), o use una de: ${namesOrNone.es(guards)}.${didYouMean.es(near)}`,
    },
  }),

  unknownRole: (role: string, near: string | undefined): BilingualText => ({
    message: `Role "${role}" is not a role of Ruta.`,
    hint: `Use one of: ${ROLES.join(', ')}.${didYouMean.en(near)}`,
    es: {
      message: `«${role}» no es un rol de Ruta.`,
      hint: `Use uno de: ${ROLES.join(', ')}.${didYouMean.es(near)}`,
    },
  }),

  unknownAction: (type: string, near: string | undefined): BilingualText => ({
    message: `Action "${type}" is not one Ruta knows.`,
    hint: `Use one of: ${ACTION_TYPES.join(', ')}.${didYouMean.en(near)}`,
    es: {
      message: `Ruta no conoce la acción del sistema «${type}».`,
      hint: `Use una de: ${ACTION_TYPES.join(', ')}.${didYouMean.es(near)}`,
    },
  }),

  unknownFormOfAction: (form: string, forms: readonly string[], near: string | undefined): BilingualText => ({
    message: `This step records form "${form}", which the protocol does not include.`,
    hint: `Add form "${form}" to forms/ and to the protocol, or name one of its forms: ${namesOrNone.en(forms)}.${didYouMean.en(near)}`,
    es: {
      message: `Este paso guarda el formulario «${form}», que el protocolo no incluye.`,
      hint: `Añada el formulario «${form}» a forms/ y al protocolo, o indique uno de sus formularios: ${namesOrNone.es(forms)}.${didYouMean.es(near)}`,
    },
  }),

  /** `state` is "" for a machine-level transition. */
  recordWithoutForm: (state: string): BilingualText => ({
    message:
      state === ''
        ? 'A machine-level transition records a form but does not say which one.'
        : `This step records a form, but state "${state}" has no form and the action names none.`,
    hint: 'Give the state a form (meta.form) or name the form in the action: {"type": "recordForm", "params": {"form": "<form id>"}}.',
    es: {
      message:
        state === ''
          ? 'Una transición de toda la máquina guarda un formulario pero no dice cuál.'
          : `Este paso guarda un formulario, pero la etapa «${state}» no tiene formulario y la acción no nombra ninguno.`,
      hint: 'Dé un formulario a la etapa (meta.form) o indíquelo en la acción: {"type": "recordForm", "params": {"form": "<id del formulario>"}}.',
    },
  }),

  deadlineNotPositiveOfAction: (name: string, hours: string): BilingualText => ({
    message: `Deadline "${name}" is set to ${hours} hours; a deadline must be later than the step that sets it.`,
    hint: 'Set "hours" to a number greater than 0, e.g. 24 for the 24-hour alert.',
    es: {
      message: `El plazo «${name}» se fija en ${hours} horas; un plazo debe vencer después del paso que lo fija.`,
      hint: 'Ponga en "hours" un número mayor que 0, p. ej. 24 para el aviso de 24 horas.',
    },
  }),

  unusedGuard: (name: string): BilingualText => ({
    message: `Guard "${name}" is defined but no transition uses it.`,
    hint: `Use it on the transition it was meant for ("guard": "${name}"), or delete it.`,
    es: {
      message: `La condición «${name}» está definida pero ninguna transición la usa.`,
      hint: `Úsela en la transición para la que era ("guard": "${name}"), o bórrela.`,
    },
  }),

  unusedEvent: (name: string): BilingualText => ({
    message: `Event "${name}" is defined but no state reacts to it, so its button never appears.`,
    hint: `Add a transition on "${name}" where case workers need it, or delete the event.`,
    es: {
      message: `La acción «${name}» está definida pero ninguna etapa responde a ella, así que su botón nunca aparece.`,
      hint: `Añada una transición con «${name}» donde el personal de casos la necesite, o borre la acción.`,
    },
  }),

  unusedDelay: (name: string): BilingualText => ({
    message: `Delay "${name}" is defined but no state waits for it.`,
    hint: `Add "after": {"${name}": ...} to the state that must move on when the time runs out, or delete the delay.`,
    es: {
      message: `El plazo automático «${name}» está definido pero ninguna etapa lo espera.`,
      hint: `Añada "after": {"${name}": ...} a la etapa que debe avanzar cuando se cumpla el tiempo, o borre el plazo.`,
    },
  }),

  unusedForm: (name: string): BilingualText => ({
    message: `Form "${name}" is part of the protocol but no step shows or records it.`,
    hint: 'Set it as the form of the state where it is filled (meta.form), or remove it from the protocol.',
    es: {
      message: `El formulario «${name}» es parte del protocolo pero ninguna etapa lo muestra ni lo guarda.`,
      hint: 'Asígnelo como formulario de la etapa donde se llena (meta.form), o quítelo del protocolo.',
    },
  }),

  unknownGuardForm: (
    guard: string,
    variable: string,
    form: string,
    forms: readonly string[],
  ): BilingualText => ({
    message: `Guard "${guard}" reads "${variable}", but the protocol has no form "${form}".`,
    hint: `Write case.<form id>.<field>, with a form of the protocol: ${namesOrNone.en(forms)}.`,
    es: {
      message: `La condición «${guard}» lee «${variable}», pero el protocolo no tiene ningún formulario «${form}».`,
      hint: `Escriba case.<id del formulario>.<campo>, con un formulario del protocolo: ${namesOrNone.es(forms)}.`,
    },
  }),

  /** A field `case.<form>.<field>` names that the form does not have; `fields` are the form's. */
  unknownGuardField: (
    guard: string,
    variable: string,
    form: string,
    field: string,
    fields: readonly string[],
  ): BilingualText => ({
    message: `Guard "${guard}" reads "${variable}", but form "${form}" has no field "${field}".`,
    hint: `Use a field of form "${form}": ${fieldList.en(fields)}.`,
    es: {
      message: `La condición «${guard}» lee «${variable}», pero el formulario «${form}» no tiene ningún campo «${field}».`,
      hint: `Use un campo del formulario «${form}»: ${fieldList.es(fields)}.`,
    },
  }),

  /** A field `form.<field>` names that the form recorded on the transition does not have. */
  unknownGuardFieldOnTransition: (
    guard: string,
    variable: string,
    from: Text,
    form: string,
    field: string,
    fields: readonly string[],
  ): BilingualText => ({
    message: `Guard "${guard}" reads "${variable}", but the form recorded on the transition from ${from.en} ("${form}") has no field "${field}".`,
    hint: `Use a field of form "${form}": ${fieldList.en(fields)}.`,
    es: {
      message: `La condición «${guard}» lee «${variable}», pero el formulario que guarda la transición desde ${from.es} («${form}») no tiene ningún campo «${field}».`,
      hint: `Use un campo del formulario «${form}»: ${fieldList.es(fields)}.`,
    },
  }),

  unknownGuardVariable: (guard: string, variable: string): BilingualText => ({
    message: `Guard "${guard}" reads "${variable}", which is neither a field of the submitted form nor of the case.`,
    hint: 'Start the variable with "form." (a field of the form sent with this step) or "case.<form id>." (a field recorded earlier).',
    es: {
      message: `La condición «${guard}» lee «${variable}», que no es un campo del formulario enviado ni del caso.`,
      hint: 'Empiece la variable con "form." (un campo del formulario que se envía en este paso) o con "case.<id del formulario>." (un campo guardado antes).',
    },
  }),

  guardReadsNoForm: (guard: string, variable: string, from: Text, field: string): BilingualText => ({
    message: `Guard "${guard}" reads "${variable}" on a transition from ${from.en} that records no form, so it has nothing to read.`,
    hint: `Give the state a form, add {"type": "recordForm", "params": {"form": "<form id>"}} to the transition, or read a recorded form with "case.<form id>.${field}".`,
    es: {
      message: `La condición «${guard}» lee «${variable}» en una transición desde ${from.es} que no guarda ningún formulario, así que no tiene nada que leer.`,
      hint: `Dé un formulario a la etapa, añada {"type": "recordForm", "params": {"form": "<id del formulario>"}} a la transición, o lea un formulario ya guardado con "case.<id del formulario>.${field}".`,
    },
  }),
};

const fieldList = {
  en: (fields: readonly string[]) => fields.join(', ') || '(the form has no fields)',
  es: (fields: readonly string[]) => fields.join(', ') || '(el formulario no tiene campos)',
};
