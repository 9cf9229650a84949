import type { BilingualText } from './problemText.js';
import type { Text } from './types.js';

const suggestion = {
  en: (near: string | undefined) => (near ? `did you mean "${near}"? ` : ''),
  es: (near: string | undefined) => (near ? `¿Quiso decir «${near}»? ` : ''),
};

/**
 * What loading a checkout, resolving a protocol or national variant, and verifying a whole
 * registry say, in English and Spanish: files that clash, references that do not resolve,
 * variants whose base has problems. One function per problem code and situation.
 */
export const registryTexts = {
  unknownKindOfFile: (path: string, kinds: readonly string[]): BilingualText => ({
    message: `${path} does not say what kind of file it is`,
    hint: `add "kind": one of ${kinds.map((k) => `"${k}"`).join(', ')}`,
    es: {
      message: `${path} no dice qué tipo de archivo es.`,
      hint: `Añada "kind": uno de ${kinds.map((k) => `"${k}"`).join(', ')}.`,
    },
  }),

  duplicateProtocol: (ref: string, first: string, again: string): BilingualText => ({
    message: `${ref} is defined twice: in ${first} and in ${again}`,
    hint: 'give one of them a new version number, or remove the copy (published versions never change)',
    es: {
      message: `${ref} está definido dos veces: en ${first} y en ${again}.`,
      hint: 'Dé a uno de ellos un número de versión nuevo, o quite la copia (las versiones publicadas nunca cambian).',
    },
  }),

  duplicateForm: (id: string, first: string, again: string): BilingualText => ({
    message: `The form "${id}" is defined twice: in ${first} and in ${again}`,
    hint: 'give one of them another id, or keep one file per form',
    es: {
      message: `El formulario «${id}» está definido dos veces: en ${first} y en ${again}.`,
      hint: 'Dé otro id a uno de ellos, o deje un solo archivo por formulario.',
    },
  }),

  duplicateInvariant: (id: string, first: string): BilingualText => ({
    message: `The invariant "${id}" is defined twice (also in ${first})`,
    hint: 'give one of them another id',
    es: {
      message: `La invariante «${id}» está definida dos veces (también en ${first}).`,
      hint: 'Dé otro id a una de ellas.',
    },
  }),

  badProtocolRef: (ref: string): BilingualText => ({
    message: `"${ref}" is not a protocol reference`,
    hint: 'write "id@version", e.g. "child-repatriation@1", or just the id for its latest version',
    es: {
      message: `«${ref}» no es una referencia a un protocolo.`,
      hint: 'Escriba "id@versión", p. ej. "child-repatriation@1", o solo el id para usar su última versión.',
    },
  }),

  sensitiveUnmarked: (form: string, field: string): BilingualText => ({
    message: `The field "${field}" of the form "${form}" is sensitive in the base protocol; this variant removes its x-sensitive mark`,
    hint: 'keep "x-sensitive": true on it: a national variant may protect a victim\'s data more than the regional protocol, never less',
    es: {
      message: `El campo «${field}» del formulario «${form}» es sensible en el protocolo base; esta variante le quita la marca x-sensitive.`,
      hint: 'Deje "x-sensitive": true en él: una variante nacional puede proteger los datos de la víctima más que el protocolo regional, nunca menos.',
    },
  }),

  protectionNeedRemoved: (
    form: string,
    field: string,
    values: readonly unknown[],
    fieldKept: boolean,
  ): BilingualText => ({
    message: `The field "${field}" of the form "${form}" records a need for international protection in the base protocol (${values.join(', ')}); this variant ${fieldKept ? 'removes its x-protectionNeed declaration' : 'removes the field'}, so a case recording that need could be handed over to the country the person fears`,
    hint: fieldKept
      ? 'keep "x-protectionNeed" on the field, listing the answers of this variant that mean the need (a variant may word them its own way, or add answers, never drop the declaration)'
      : 'keep the field (with "x-protectionNeed"), or reword its choices with replaceField: a national variant may protect the person more than the regional protocol, never less',
    es: {
      message: `El campo «${field}» del formulario «${form}» registra una necesidad de protección internacional en el protocolo base (${values.join(', ')}); esta variante ${fieldKept ? 'le quita la declaración x-protectionNeed' : 'quita el campo'}, y un caso que registra esa necesidad podría traspasarse al país que la persona teme.`,
      hint: fieldKept
        ? 'Deje "x-protectionNeed" en el campo, con las respuestas de esta variante que significan esa necesidad (una variante puede redactarlas a su manera, o añadir respuestas, nunca quitar la declaración).'
        : 'Conserve el campo (con "x-protectionNeed"), o cambie la redacción de sus opciones con replaceField: una variante nacional puede proteger a la persona más que el protocolo regional, nunca menos.',
    },
  }),

  protectionNeedValueDropped: (form: string, field: string, value: unknown): BilingualText => ({
    message: `The answer "${String(value)}" of the field "${field}" of the form "${form}" means a need for international protection in the base protocol; this variant still offers it but no longer declares it in x-protectionNeed`,
    hint: `add "${String(value)}" back to the field's "x-protectionNeed" (or remove the answer from its choices): a national variant may add protection, never take it away`,
    es: {
      message: `La respuesta «${String(value)}» del campo «${field}» del formulario «${form}» significa necesidad de protección internacional en el protocolo base; esta variante todavía la ofrece pero ya no la declara en x-protectionNeed.`,
      hint: `Vuelva a poner «${String(value)}» en el "x-protectionNeed" del campo (o quite esa respuesta de sus opciones): una variante nacional puede añadir protección, nunca quitarla.`,
    },
  }),

  sensitiveMadeShareable: (form: string, field: string): BilingualText => ({
    message: `The sensitive field "${field}" of the form "${form}" stays in the country under the base protocol; this variant marks it x-shareable, so it would cross the border on a handover`,
    hint: 'remove "x-shareable" from it (or set it to false): what a handover carries of a sensitive field is decided by the regional protocol',
    es: {
      message: `El campo sensible «${field}» del formulario «${form}» no sale del país según el protocolo base; esta variante lo marca x-shareable, y cruzaría la frontera en un traspaso.`,
      hint: 'Quite "x-shareable" del campo (o póngalo en false): qué viaja de un campo sensible en un traspaso lo decide el protocolo regional.',
    },
  }),

  variantCycle: (cycle: string): BilingualText => ({
    message: `These variants derive from each other in a circle: ${cycle}`,
    hint: 'make one of them derive from a regional protocol (or another variant outside the circle)',
    es: {
      message: `Estas variantes derivan unas de otras en círculo: ${cycle}.`,
      hint: 'Haga que una de ellas derive de un protocolo regional (o de otra variante fuera del círculo).',
    },
  }),

  /**
   * A protocol that cannot be found, or whose file has problems. `variant` is the variant whose
   * base it is ("id@version"), when it is looked up as a base.
   */
  notFound: {
    rejected: (variant: string | undefined, ref: string, file: string): BilingualText => ({
      message: `${whose.en(variant, ref)}${variant ? 'its file' : ref}, ${file}, has problems`,
      hint: `fix the problems reported for ${file} first`,
      es: {
        message: `${whose.es(variant, ref)}${variant ? 'su archivo' : ref}, ${file}, tiene problemas.`,
        hint: `Corrija primero los problemas señalados en ${file}.`,
      },
    }),
    version: (
      variant: string | undefined,
      ref: string,
      id: string,
      version: number | undefined,
      versions: readonly number[],
    ): BilingualText => ({
      message: `${whose.en(variant, ref)}${id} has no version ${version ?? ''}`.trim(),
      hint: `versions that exist: ${versions.map((v) => `${id}@${v}`).join(', ')}`,
      es: {
        message: `${`${whose.es(variant, ref)}${id} no tiene la versión ${version ?? ''}`.trim()}.`,
        hint: `Versiones que existen: ${versions.map((v) => `${id}@${v}`).join(', ')}.`,
      },
    }),
    protocol: (
      variant: string | undefined,
      ref: string,
      id: string,
      near: string | undefined,
      ids: readonly string[],
    ): BilingualText => ({
      message: `${whose.en(variant, ref)}there is no protocol "${id}"`,
      hint: `${suggestion.en(near)}protocols that exist: ${ids.join(', ') || 'none'}`,
      es: {
        message: `${whose.es(variant, ref)}no existe ningún protocolo «${id}».`,
        hint: `${suggestion.es(near)}Protocolos que existen: ${ids.join(', ') || 'ninguno'}.`,
      },
    }),
  },

  unknownInvariant: (
    ref: string,
    id: string,
    near: string | undefined,
    shared: readonly string[],
  ): BilingualText => ({
    message: `${ref} lists the invariant "${id}", which is not among the shared invariants`,
    hint: `${suggestion.en(near)}shared invariants: ${shared.join(', ') || 'none'}`,
    es: {
      message: `${ref} enumera la invariante «${id}», que no está entre las invariantes compartidas.`,
      hint: `${suggestion.es(near)}Invariantes compartidas: ${shared.join(', ') || 'ninguna'}.`,
    },
  }),

  unknownFormOfRegistry: (
    ref: string,
    form: string,
    near: string | undefined,
    forms: readonly string[],
  ): BilingualText => ({
    message: `${ref} uses the form "${form}", which is not in forms/`,
    hint: `${suggestion.en(near)}add forms/${form}.json, or use one of: ${forms.join(', ') || 'none'}`,
    es: {
      message: `${ref} usa el formulario «${form}», que no está en forms/.`,
      hint: `${suggestion.es(near)}Añada forms/${form}.json, o use uno de: ${forms.join(', ') || 'ninguno'}.`,
    },
  }),

  baseHasProblemsInherited: (inherited: number, base: string): BilingualText => ({
    message: `This variant inherits ${inherited} problem${inherited === 1 ? '' : 's'} from its base ${base}, reported there.`,
    hint: `Fix ${base} (or derive this variant from a version that verifies), then verify again.`,
    es: {
      message: `Esta variante hereda ${inherited} ${inherited === 1 ? 'problema' : 'problemas'} de su base ${base}, que se ${inherited === 1 ? 'señala' : 'señalan'} allí.`,
      hint: `Corrija ${base} (o derive esta variante de una versión que verifique) y verifique de nuevo.`,
    },
  }),

  baseHasProblemsUnresolved: (ref: string, base: string | undefined): BilingualText => ({
    message:
      `${ref} cannot be put together because its base ${base ?? ''} has problems, reported there.`.replace(
        '  ',
        ' ',
      ),
    hint: `Fix ${base ?? 'the base'} first, then verify again.`,
    es: {
      message:
        `${ref} no se puede armar porque su base ${base ?? ''} tiene problemas, que se señalan allí.`.replace(
          '  ',
          ' ',
        ),
      hint: `Corrija primero ${base ?? 'la base'} y verifique de nuevo.`,
    },
  }),

  /** Added to a variant's problem moved onto the change it concerns. */
  inResolvedProtocol: (pointer: string): Text => ({
    en: ` (In the protocol as resolved: ${pointer}.)`,
    es: ` (En el protocolo resuelto: ${pointer}.)`,
  }),
};

const whose = {
  en: (variant: string | undefined, ref: string) => (variant ? `${variant} is based on ${ref}, but ` : ''),
  es: (variant: string | undefined, ref: string) => (variant ? `${variant} se basa en ${ref}, pero ` : ''),
};

/**
 * What a change of a national variant that cannot apply says, in English and Spanish. The
 * messages start in lower case: applyVariantChange puts "Change <n> (<op>): " before them.
 */
export const variantChangeTexts = {
  /** Put before every message of a change; the problems of a form it adds or replaces too. */
  prefix: (index: number, op: string): Text => ({
    en: `Change ${index} (${op}): `,
    es: `Cambio ${index} (${op}): `,
  }),

  stateMissing: (path: string, nearby: Text): BilingualText => ({
    message: `there is no state "${path}"`,
    hint: nearby.en,
    es: { message: `no existe la etapa «${path}».`, hint: nearby.es },
  }),

  noChildStates: (parent: string, key: string): BilingualText => ({
    message: `the state "${parent}" has no child states to add "${key}" to`,
    hint: `add "${key}" beside it instead, or make "${parent}" compound with replaceState (child states and an initial)`,
    es: {
      message: `la etapa «${parent}» no tiene sub-etapas a las que añadir «${key}».`,
      hint: `Añada «${key}» a su lado, o haga «${parent}» compuesta con replaceState (con sub-etapas y una etapa inicial).`,
    },
  }),

  stateExists: (path: string): BilingualText => ({
    message: `the state "${path}" already exists`,
    hint: 'use replaceState to change it, or choose another key',
    es: {
      message: `la etapa «${path}» ya existe.`,
      hint: 'Use replaceState para cambiarla, o elija otra clave.',
    },
  }),

  /** `parent` is "" when the state is where every case starts. */
  removesInitial: (path: string, parent: string): BilingualText => ({
    message: `"${path}" is the state ${parent === '' ? 'every case starts in' : `"${parent}" starts in`}`,
    hint:
      parent === ''
        ? 'a variant cannot remove the first state of the protocol; change it with replaceState instead'
        : `replace "${parent}" with replaceState, giving it another initial state`,
    es: {
      message: `«${path}» es la etapa en la que ${parent === '' ? 'empieza todo caso' : `empieza «${parent}»`}.`,
      hint:
        parent === ''
          ? 'Una variante no puede quitar la primera etapa del protocolo; cámbiela con replaceState.'
          : `Reemplace «${parent}» con replaceState, dándole otra etapa inicial.`,
    },
  }),

  removesOnlyChild: (path: string, parent: string): BilingualText => ({
    message: `"${path}" is the only child of "${parent}"`,
    hint: `replace "${parent}" with replaceState instead`,
    es: {
      message: `«${path}» es la única sub-etapa de «${parent}».`,
      hint: `Reemplace «${parent}» con replaceState.`,
    },
  }),

  /** `from` is "" for the machine's own transitions. */
  transitionMissing: (
    from: string,
    event: string,
    near: string | undefined,
    events: readonly string[],
    replacing: boolean,
  ): BilingualText => ({
    message: `${from === '' ? 'the machine' : `the state "${from}"`} has no transition for "${event}"`,
    hint: `${suggestion.en(near)}${events.length > 0 ? `transitions there: ${events.join(', ')}` : 'it has no transitions'}${replacing ? '; use addTransition to add one' : ''}`,
    es: {
      message: `${from === '' ? 'la máquina' : `la etapa «${from}»`} no tiene ninguna transición con «${event}».`,
      hint: `${suggestion.es(near)}${events.length > 0 ? `Transiciones que tiene: ${events.join(', ')}` : 'No tiene transiciones'}${replacing ? '; use addTransition para añadir una' : ''}.`,
    },
  }),

  deadlineMissing: (path: string): BilingualText => ({
    message: `the state "${path}" has no deadline`,
    hint: 'remove this change: there is nothing to remove',
    es: { message: `la etapa «${path}» no tiene plazo.`, hint: 'Quite este cambio: no hay nada que quitar.' },
  }),

  /** `hasDeadline`: the state has a deadline, counted from entering it already. */
  deadlineAnchorMissing: (path: string, hasDeadline: boolean): BilingualText => ({
    message: hasDeadline
      ? `the deadline of "${path}" already counts from entering the state: "from": null has no anchor to drop`
      : `the state "${path}" has no deadline whose anchor "from": null could drop`,
    hint: 'remove "from": null (a deadline without "from" counts from entering the state)',
    es: {
      message: hasDeadline
        ? `el plazo de «${path}» ya cuenta desde la entrada en la etapa: "from": null no tiene nada que quitar.`
        : `la etapa «${path}» no tiene un plazo al que "from": null pueda quitarle desde cuándo cuenta.`,
      hint: 'Quite "from": null (un plazo sin "from" cuenta desde la entrada en la etapa).',
    },
  }),

  /** `exists`: the protocol has that delay, counted from the step already. */
  delayAnchorMissing: (name: string, exists: boolean): BilingualText => ({
    message: exists
      ? `the delay "${name}" already counts from the step that waits for it: "from": null has no anchor to drop`
      : `the protocol has no delay "${name}" whose anchor "from": null could drop`,
    hint: 'remove "from": null (a delay without "from" counts from the step that waits for it)',
    es: {
      message: exists
        ? `el plazo automático «${name}» ya cuenta desde la etapa que lo espera: "from": null no tiene nada que quitar.`
        : `el protocolo no tiene un plazo automático «${name}» al que "from": null pueda quitarle desde cuándo cuenta.`,
      hint: 'Quite "from": null (un plazo automático sin "from" cuenta desde la etapa que lo espera).',
    },
  }),

  formExists: (id: string): BilingualText => ({
    message: `the protocol already has a form "${id}"`,
    hint: 'use replaceForm to change it, or give the new form another id',
    es: {
      message: `el protocolo ya tiene un formulario «${id}».`,
      hint: 'Use replaceForm para cambiarlo, o dé otro id al formulario nuevo.',
    },
  }),

  /** `adding`: the change replaces a form, and addForm would add it. */
  formMissing: (
    id: string,
    near: string | undefined,
    forms: readonly string[],
    adding: boolean,
  ): BilingualText => ({
    message: `the protocol has no form "${id}"`,
    hint: `${suggestion.en(near)}forms of the protocol: ${forms.join(', ') || 'none'}${adding ? '; use addForm to add it' : ''}`,
    es: {
      message: `el protocolo no tiene ningún formulario «${id}».`,
      hint: `${suggestion.es(near)}Formularios del protocolo: ${forms.join(', ') || 'ninguno'}${adding ? '; use addForm para añadirlo' : ''}.`,
    },
  }),

  sectionMissing: (form: string, section: string, nearby: Text): BilingualText => ({
    message: `the form "${form}" has no section "${section}"`,
    hint: nearby.en,
    es: { message: `el formulario «${form}» no tiene ninguna sección «${section}».`, hint: nearby.es },
  }),

  fieldExists: (form: string, field: string): BilingualText => ({
    message: `the form "${form}" already has a field "${field}"`,
    hint: 'use replaceField to change it',
    es: {
      message: `el formulario «${form}» ya tiene un campo «${field}».`,
      hint: 'Use replaceField para cambiarlo.',
    },
  }),

  fieldMissing: (form: string, field: string, nearby: Text): BilingualText => ({
    message: `the form "${form}" has no field "${field}"`,
    hint: nearby.en,
    es: { message: `el formulario «${form}» no tiene ningún campo «${field}».`, hint: nearby.es },
  }),

  /** The states that do exist where a path leads nowhere: `within` is "" for the top level. */
  nearbyStates: (near: string | undefined, within: string, children: readonly string[]): Text => ({
    en: `${suggestion.en(near)}states ${within === '' ? 'at the top level' : `inside "${within}"`}: ${children.join(', ') || 'none'}`,
    es: `${suggestion.es(near)}Etapas ${within === '' ? 'del primer nivel' : `dentro de «${within}»`}: ${children.join(', ') || 'ninguna'}.`,
  }),

  /** The fields that do exist where a field path leads nowhere: `within` is "" for the form's top. */
  nearbyFields: (near: string | undefined, within: string, fields: readonly string[]): Text => ({
    en: `${suggestion.en(near)}fields ${within === '' ? 'at the top of the form' : `in "${within}"`}: ${fields.join(', ') || 'none'}`,
    es: `${suggestion.es(near)}Campos ${within === '' ? 'del primer nivel del formulario' : `de «${within}»`}: ${fields.join(', ') || 'ninguno'}.`,
  }),
};
