import { didYouMean, namesOrNone, type BilingualText } from './problemText.js';
import type { Text } from './types.js';

/**
 * What the verifier says about the shape of a statechart and about where cases can go, in
 * English and Spanish: one function per problem code (and per situation, where a code has
 * several), taking the states, names and numbers the texts mention.
 */
export const statechartTexts = {
  noStates: (): BilingualText => ({
    message: 'The protocol has no states.',
    hint: 'Add the steps of the protocol under machine.states, starting with the first one (machine.initial).',
    es: {
      message: 'El protocolo no tiene etapas.',
      hint: 'Añada las etapas del protocolo en machine.states, empezando por la primera (machine.initial).',
    },
  }),

  unknownInitialStateOfMachine: (
    initial: string,
    topKeys: readonly string[],
    near: string | undefined,
  ): BilingualText => ({
    message: `The protocol starts in "${initial}", but there is no such top-level state.`,
    hint: `Set machine.initial to the first step, one of: ${topKeys.join(', ')}.${didYouMean.en(near)}`,
    es: {
      message: `El protocolo empieza en «${initial}», pero no hay ninguna etapa de primer nivel con ese nombre.`,
      hint: `Ponga en machine.initial la primera etapa, una de: ${topKeys.join(', ')}.${didYouMean.es(near)}`,
    },
  }),

  duplicateStateId: (other: string, path: string, id: string): BilingualText => ({
    message: `States "${other}" and "${path}" both have the id "${id}", so "#${id}" is ambiguous.`,
    hint: 'Give each state a different id, or remove the id of one of them.',
    es: {
      message: `Las etapas «${other}» y «${path}» tienen el mismo id «${id}», así que «#${id}» es ambiguo.`,
      hint: 'Dé a cada etapa un id distinto, o quite el id de una de ellas.',
    },
  }),

  parallelNeedsRegions: (path: string, regions: number): BilingualText => ({
    message: `Parallel state "${path}" has ${regions} region${regions === 1 ? '' : 's'}; steps that run at the same time need at least two.`,
    hint: 'Add a second region (a child state with its own steps), or make the state "compound" if its steps happen one after another.',
    es: {
      message: `La etapa en paralelo «${path}» tiene ${regions} ${regions === 1 ? 'región' : 'regiones'}; las etapas que ocurren a la vez necesitan al menos dos.`,
      hint: 'Añada una segunda región (una sub-etapa con sus propias etapas), o haga la etapa "compound" si sus etapas ocurren una tras otra.',
    },
  }),

  childrenOnLeafState: (
    path: string,
    type: 'atomic' | 'final',
    children: readonly string[],
  ): BilingualText => ({
    message: `State "${path}" is ${type} but has steps inside it (${children.join(', ')}).`,
    hint:
      type === 'final'
        ? 'A final state ends its part of the protocol: move the inner steps to a state before it, or remove "type": "final".'
        : 'Remove "type": "atomic" (a state with steps inside is "compound"), or move the inner steps out.',
    es: {
      message: `La etapa «${path}» es ${type === 'final' ? 'final' : 'simple ("atomic")'} pero tiene etapas dentro (${children.join(', ')}).`,
      hint:
        type === 'final'
          ? 'Una etapa final cierra su parte del protocolo: mueva las etapas internas a una etapa anterior, o quite "type": "final".'
          : 'Quite "type": "atomic" (una etapa con etapas dentro es "compound"), o saque de ella las etapas internas.',
    },
  }),

  compoundWithoutChildren: (path: string): BilingualText => ({
    message: `State "${path}" is compound but has no steps inside it.`,
    hint: 'Add the inner steps under "states", or remove "type": "compound".',
    es: {
      message: `La etapa «${path}» es compuesta ("compound") pero no tiene etapas dentro.`,
      hint: 'Añada las sub-etapas en "states", o quite "type": "compound".',
    },
  }),

  missingInitialState: (path: string, children: readonly string[]): BilingualText => ({
    message: `State "${path}" has steps inside it but does not say which comes first.`,
    hint: `Set "initial" to one of: ${children.join(', ')}.`,
    es: {
      message: `La etapa «${path}» tiene sub-etapas pero no indica cuál va primero.`,
      hint: `Ponga en "initial" una de: ${children.join(', ')}.`,
    },
  }),

  unknownInitialStateOfState: (
    path: string,
    initial: string,
    children: readonly string[],
    near: string | undefined,
  ): BilingualText => ({
    message: `State "${path}" starts at "${initial}", which is not one of its steps.`,
    hint: `Set "initial" to one of: ${children.join(', ')}.${didYouMean.en(near)}`,
    es: {
      message: `La etapa «${path}» empieza en «${initial}», que no es una de sus sub-etapas.`,
      hint: `Ponga en "initial" una de: ${children.join(', ')}.${didYouMean.es(near)}`,
    },
  }),

  missingLegalReference: (path: string): BilingualText => ({
    message: `State "${path}" cites no legal source, so auditors cannot trace it to the regional guidelines.`,
    hint: 'Add the seed clause this step implements to meta.legal, e.g. {"seed": "004", "clause": "B.3"}, and in a national variant the article of national law.',
    es: {
      message: `La etapa «${path}» no cita ninguna base legal, así que la auditoría no puede vincularla con los lineamientos regionales.`,
      hint: 'Añada en meta.legal la cláusula del documento base que implementa esta etapa, p. ej. {"seed": "004", "clause": "B.3"}, y en una variante nacional el artículo de la ley nacional.',
    },
  }),

  deadlineNotPositiveOfState: (path: string, hours: string): BilingualText => ({
    message: `State "${path}" has a deadline of ${hours} hours; a deadline must leave some time to do the step.`,
    hint: 'Set the deadline to a number of hours greater than 0, or remove it if the step has no time limit.',
    es: {
      message: `La etapa «${path}» tiene un plazo de ${hours} horas; un plazo debe dejar algo de tiempo para hacer la etapa.`,
      hint: 'Ponga como plazo un número de horas mayor que 0, o quítelo si la etapa no tiene límite de tiempo.',
    },
  }),

  unknownFormOfState: (
    path: string,
    form: string,
    forms: readonly string[],
    near: string | undefined,
  ): BilingualText => ({
    message: `State "${path}" uses form "${form}", which the protocol does not include.`,
    hint: `Add form "${form}" to forms/, or use one of: ${namesOrNone.en(forms)}.${didYouMean.en(near)}`,
    es: {
      message: `La etapa «${path}» usa el formulario «${form}», que el protocolo no incluye.`,
      hint: `Añada el formulario «${form}» a forms/, o use uno de: ${namesOrNone.es(forms)}.${didYouMean.es(near)}`,
    },
  }),

  delayOnFinalState: (path: string): BilingualText => ({
    message: `Final state "${path}" has a timed transition; nothing happens after a final state.`,
    hint: 'Remove "after" from the final state, or make the state non-final if the case must move on when the time runs out.',
    es: {
      message: `La etapa final «${path}» tiene una transición por tiempo; después de una etapa final no ocurre nada.`,
      hint: 'Quite "after" de la etapa final, o haga que la etapa no sea final si el caso debe avanzar cuando se cumpla el tiempo.',
    },
  }),

  eventOnFinalState: (path: string, events: readonly string[]): BilingualText => ({
    message: `Final state "${path}" closes the case, so its events (${events.join(', ')}) can never be sent.`,
    hint: 'Remove "on" from the final state, or add a non-final state (e.g. follow-up) where those events apply.',
    es: {
      message: `La etapa final «${path}» cierra el caso, así que sus acciones (eventos ${events.join(', ')}) nunca se pueden enviar.`,
      hint: 'Quite "on" de la etapa final, o añada una etapa no final (p. ej. de seguimiento) donde esas acciones tengan sentido.',
    },
  }),

  /** A protocol too malformed to verify; `what` says where it breaks (see malformedParts). */
  protocolMalformed: (what: Text): BilingualText => ({
    message: `This is not a protocol Ruta can read: ${what.en}.`,
    hint: 'Start from an existing protocol in workflows/, or fix the problems the format check reports for this file.',
    es: {
      message: `Esto no es un protocolo que Ruta pueda leer: ${what.es}.`,
      hint: 'Parta de un protocolo existente en workflows/, o corrija los problemas que la revisión del formato señala en este archivo.',
    },
  }),

  behaviourNotChecked: (): BilingualText => ({
    message:
      'Reachability, dead ends and invariants were not checked, because the statechart has errors in its shape.',
    hint: 'Fix the errors about states, initial steps and transition targets above; the next verification checks the rest.',
    es: {
      message:
        'No se revisó a qué etapas se puede llegar, si hay etapas sin salida ni si se cumplen las invariantes, porque el diagrama de etapas tiene errores de estructura.',
      hint: 'Corrija los errores de etapas, etapas iniciales y destinos de transiciones señalados arriba; la próxima verificación revisará el resto.',
    },
  }),

  /** `reason` is XState's own words (in English) for why it refused the machine. */
  machineInvalid: (reason: string): BilingualText => ({
    message: `The statechart cannot run: ${reason}.`,
    hint: 'Fix the other problems reported for this protocol first; if this one remains, the statechart uses a construct Ruta does not support.',
    es: {
      message: `El diagrama de etapas no se puede ejecutar (XState dice: ${reason}).`,
      hint: 'Corrija primero los demás problemas de este protocolo; si este persiste, el diagrama usa una construcción que Ruta no admite.',
    },
  }),

  stateSpaceTooLarge: (max: number): BilingualText => ({
    message: `The protocol has more than ${max.toLocaleString('en')} combinations of active steps, so reachability and invariants were checked only partly.`,
    hint: 'Reduce the number of parallel regions or of steps inside them; a protocol case workers can follow rarely needs this many combinations.',
    es: {
      message: `El protocolo tiene más de ${max.toLocaleString('en')} combinaciones de etapas activas, así que solo se revisó en parte a qué etapas se puede llegar y si se cumplen las invariantes.`,
      hint: 'Reduzca el número de regiones en paralelo o de etapas dentro de ellas; un protocolo que el personal de casos pueda seguir rara vez necesita tantas combinaciones.',
    },
  }),

  unreachableState: (state: Text): BilingualText => ({
    message: `No case can ever reach ${state.en}: no sequence of events leads there from the start.`,
    hint: 'Add a transition into this state from the step that should lead to it, or remove the state if it is no longer part of the protocol.',
    es: {
      message: `Ningún caso puede llegar nunca a ${state.es}: ninguna secuencia de acciones lleva allí desde el inicio.`,
      hint: 'Añada una transición hacia esta etapa desde la etapa que debe llevar a ella, o quite la etapa si ya no forma parte del protocolo.',
    },
  }),

  caseNeverCloses: (): BilingualText => ({
    message: 'No case under this protocol can ever be closed: no final state can be reached.',
    hint: 'Add a final state (e.g. "closure" with "type": "final") and a transition into it from the last step.',
    es: {
      message:
        'Ningún caso de este protocolo se puede cerrar nunca: no se puede llegar a ninguna etapa final.',
      hint: 'Añada una etapa final (p. ej. "closure" con "type": "final") y una transición hacia ella desde la última etapa.',
    },
  }),

  noWayToFinish: (states: Text): BilingualText => ({
    message: `Once a case reaches ${states.en}, it can only move between these steps and never reach the end of the protocol.`,
    hint: 'Add a transition from one of these steps toward the end of the protocol (for example to the closure state).',
    es: {
      message: `Cuando un caso llega a ${states.es}, solo puede moverse entre estas etapas y nunca llega al final del protocolo.`,
      hint: 'Añada una transición desde una de estas etapas hacia el final del protocolo (por ejemplo, a la etapa de cierre).',
    },
  }),

  deadEnd: (states: Text): BilingualText => ({
    message: `A case in ${states.en} is stuck: no event leads out of it, and it is not a final state.`,
    hint: 'Add a transition out of this step (for example to the next step or to closure), or mark it "type": "final" if the case ends here.',
    es: {
      message: `Un caso en ${states.es} queda atascado: ninguna acción lo saca de allí, y no es una etapa final.`,
      hint: 'Añada una transición de salida de esta etapa (por ejemplo, a la siguiente o al cierre), o márquela con "type": "final" si el caso termina aquí.',
    },
  }),
};

/** Where a protocol too malformed to verify breaks, for statechartTexts.protocolMalformed. */
export const malformedParts = {
  notAnObject: { en: 'it is not an object', es: 'no es un objeto' },
  noMachine: { en: 'it has no statechart ("machine")', es: 'no tiene diagrama de etapas ("machine")' },
  statesNotNamed: {
    en: 'its "states" is not a set of named states',
    es: 'su "states" no es un conjunto de etapas con nombre',
  },
  stateNotAnObject: (key: string): Text => ({
    en: `state "${key}" is not an object`,
    es: `la etapa «${key}» no es un objeto`,
  }),
} satisfies Record<string, Text | ((key: string) => Text)>;
