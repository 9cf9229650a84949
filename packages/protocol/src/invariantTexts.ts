import type { BilingualText } from './problemText.js';
import type { Text } from './types.js';

/**
 * What the verifier says about the invariants in force, in English and Spanish. `source` is
 * where the invariant is written (invariantsLocation); a broken invariant's own description is
 * quoted in each language, and `path` is the counter-example as each language renders it.
 */
export const invariantTexts = {
  invariantChecksNothing: (id: string, source: Text, tag: string): BilingualText => ({
    message: `Invariant "${id}" (${source.en}) is about steps tagged "${tag}", but no state of this protocol has that tag, so it checks nothing.`,
    hint: `If the protocol has such a step, add "${tag}" to its "tags"; otherwise nothing needs to change.`,
    es: {
      message: `La invariante «${id}» (${source.es}) trata de las etapas con la etiqueta «${tag}», pero ninguna etapa de este protocolo la tiene, así que no comprueba nada.`,
      hint: `Si el protocolo tiene una etapa así, añada "${tag}" a sus "tags"; si no, no hace falta cambiar nada.`,
    },
  }),

  /** `what` says what the invariant lacks (malformedInvariant). */
  invariantMalformed: (id: string, source: Text, what: Text): BilingualText => ({
    message: `Invariant "${id}" (${source.en}) cannot be checked: ${what.en}.`,
    hint: 'Write it as {"kind": "mustPassBefore", "target": {"tag": "..."}, "requires": [{"tag": "..."}]} or {"kind": "availableUntil", "event": "...", "until": {"tag": "..."}}.',
    es: {
      message: `La invariante «${id}» (${source.es}) no se puede comprobar: ${what.es}.`,
      hint: 'Escríbala como {"kind": "mustPassBefore", "target": {"tag": "..."}, "requires": [{"tag": "..."}]} o {"kind": "availableUntil", "event": "...", "until": {"tag": "..."}}.',
    },
  }),

  invariantNotChecked: (id: string, source: Text): BilingualText => ({
    message: `Invariant "${id}" (${source.en}) could not be checked because the statechart cannot run.`,
    hint: 'Fix the problems of the statechart first; the invariant is checked once it runs.',
    es: {
      message: `La invariante «${id}» (${source.es}) no se pudo comprobar porque el diagrama de etapas no se puede ejecutar.`,
      hint: 'Corrija primero los problemas del diagrama; la invariante se comprobará cuando se pueda ejecutar.',
    },
  }),

  invariantUnproven: (id: string, source: Text): BilingualText => ({
    message: `Invariant "${id}" (${source.en}) held in every configuration explored, but the protocol was too large to explore fully.`,
    hint: 'Simplify the parallel parts of the protocol so it can be explored completely, then verify again.',
    es: {
      message: `La invariante «${id}» (${source.es}) se cumplió en todas las combinaciones de etapas exploradas, pero el protocolo era demasiado grande para explorarlo entero.`,
      hint: 'Simplifique las partes en paralelo del protocolo para que se pueda explorar por completo, y verifique de nuevo.',
    },
  }),

  /**
   * A case reaches `reached` (a step tagged `target`) without passing a step with each tag of
   * `lacking` first (a list: any one of its tags). `untagged` are the lacking tags no state has.
   */
  mustPassBeforeViolated: (v: {
    id: string;
    source: Text;
    description: Text;
    reached: Text;
    target: string;
    lacking: string[][];
    untagged: string[];
    path: Text;
  }): BilingualText => {
    const lacking = {
      en: v.lacking.map((tags) => tags.map((t) => `"${t}"`).join(' or ')).join(', '),
      es: v.lacking.map((tags) => tags.map((t) => `«${t}»`).join(' o ')).join(', '),
    };
    return {
      message: `Invariant "${v.id}" (${v.source.en}) is broken: ${v.description.en} A case can reach ${v.reached.en} (tagged "${v.target}") without first passing a step tagged ${lacking.en}. Shortest such path: ${v.path.en}.`,
      hint:
        v.untagged.length > 0
          ? `No state is tagged ${v.untagged.map((t) => `"${t}"`).join(' or ')}: add the tag to the step that does this, and make every route to ${v.reached.en} go through it.`
          : `Route this path through a step tagged ${lacking.en} before ${v.reached.en}, or add a guard that stops it until that step is done.`,
      es: {
        message: `Se incumple la invariante «${v.id}» (${v.source.es}): ${v.description.es} Un caso puede llegar a ${v.reached.es} (etiqueta «${v.target}») sin pasar antes por una etapa con la etiqueta ${lacking.es}. El camino más corto: ${v.path.es}.`,
        hint:
          v.untagged.length > 0
            ? `Ninguna etapa tiene la etiqueta ${v.untagged.map((t) => `«${t}»`).join(' o ')}: añádala a la etapa que hace esto, y haga que todos los caminos hacia ${v.reached.es} pasen por ella.`
            : `Haga pasar este camino por una etapa con la etiqueta ${lacking.es} antes de ${v.reached.es}, o añada una condición que lo impida hasta que esa etapa esté hecha.`,
      },
    };
  },

  /** In `here` (the active steps), `event` is not available before a step tagged `until`. */
  availableUntilViolated: (v: {
    id: string;
    source: Text;
    description: Text;
    here: Text;
    event: string;
    until: string;
    path: Text;
    eventDefined: boolean;
  }): BilingualText => ({
    message: `Invariant "${v.id}" (${v.source.en}) is broken: ${v.description.en} In ${v.here.en}, "${v.event}" is not available, although the case has not yet reached a step tagged "${v.until}". Path to it: ${v.path.en}.`,
    hint: v.eventDefined
      ? `Add a transition on "${v.event}" from ${v.here.en} (or once for every state, under the machine's "on").`
      : `The protocol does not define the event "${v.event}": add it to "events" and a transition on it under the machine's "on", so it is available in every step before "${v.until}".`,
    es: {
      message: `Se incumple la invariante «${v.id}» (${v.source.es}): ${v.description.es} En ${v.here.es}, la acción «${v.event}» no está disponible, aunque el caso todavía no llegó a una etapa con la etiqueta «${v.until}». Camino hasta allí: ${v.path.es}.`,
      hint: v.eventDefined
        ? `Añada una transición con «${v.event}» desde ${v.here.es} (o una sola para todas las etapas, en el "on" de la máquina).`
        : `El protocolo no define la acción (evento) «${v.event}»: añádala a "events" y ponga una transición con ella en el "on" de la máquina, para que esté disponible en todas las etapas anteriores a «${v.until}».`,
    },
  }),

  availableUntilViolatedElsewhere: (
    id: string,
    source: Text,
    more: number,
    event: string,
  ): BilingualText => ({
    message: `Invariant "${id}" (${source.en}) is also broken in ${more} more combinations of steps.`,
    hint: `Make "${event}" available once for every state, under the machine's "on", instead of state by state.`,
    es: {
      message: `La invariante «${id}» (${source.es}) también se incumple en ${more} ${more === 1 ? 'combinación' : 'combinaciones'} de etapas más.`,
      hint: `Haga que «${event}» esté disponible una sola vez para todas las etapas, en el "on" de la máquina, en lugar de etapa por etapa.`,
    },
  }),
};

/** What an invariant that did not come through the schema check lacks, for invariantMalformed. */
export const malformedInvariant = {
  notAnObject: { en: 'it is not an object', es: 'no es un objeto' },
  noTarget: { en: 'its "target" names no tag', es: 'su "target" no nombra ninguna etiqueta' },
  noRequires: { en: 'its "requires" lists no tag', es: 'su "requires" no enumera ninguna etiqueta' },
  tooManyRequires: { en: 'it requires more than 30 steps', es: 'exige más de 30 etapas' },
  requiresWithoutTag: {
    en: 'an entry of its "requires" names no tag',
    es: 'una entrada de su "requires" no nombra ninguna etiqueta',
  },
  noEvent: { en: 'its "event" is not an event name', es: 'su "event" no es un nombre de acción (evento)' },
  noUntil: { en: 'its "until" names no tag', es: 'su "until" no nombra ninguna etiqueta' },
  unknownKind: (kind: string): Text => ({
    en: `its kind is ${kind}, not "mustPassBefore" or "availableUntil"`,
    es: `su tipo ("kind") es ${kind}, no "mustPassBefore" ni "availableUntil"`,
  }),
} satisfies Record<string, Text | ((kind: string) => Text)>;
