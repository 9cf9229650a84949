import type { BilingualText, Text } from '@ruta/protocol';

/**
 * What the designer's own checks (lintDesignDoc) say, in English and Spanish. `what` names the
 * text at fault ("the title of step ..."); `by` names what sets a deadline or sends a notice
 * (a step on entering or leaving it, or a transition).
 */
export const lintTexts = {
  /** `missing`: the languages the text lacks. */
  textIncomplete: (what: Text, missing: 'es' | 'en' | 'both'): BilingualText => ({
    message: `${capital(what.en)} is missing its ${{ both: 'Spanish and English', es: 'Spanish', en: 'English' }[missing]} text.`,
    hint: 'Write it in both languages: case workers read the protocol in either.',
    es: {
      message: `Falta el texto en ${{ both: 'español y en inglés', es: 'español', en: 'inglés' }[missing]} ${of(what.es)}.`,
      hint: 'Escríbalo en los dos idiomas: el personal de casos lee el protocolo en cualquiera de ellos.',
    },
  }),

  badDeadlineName: (by: Text, name: string): BilingualText => ({
    message: `The deadline set by ${by.en} is named "${name}".`,
    hint: 'Name it with letters, digits, "_" or "-", starting with a letter, e.g. "homeVisit".',
    es: {
      message: `El plazo que pone ${by.es} tiene un nombre que no sirve: «${name}».`,
      hint: 'Póngale un nombre con letras, dígitos, "_" o "-", que empiece por una letra, p. ej. "homeVisit".',
    },
  }),

  legalClauseMissing: (step: Text): BilingualText => ({
    message: `A legal reference of ${step.en} has no clause.`,
    hint: 'Give the clause of the seed document, e.g. "B.3" or "37", or remove the reference.',
    es: {
      message: `Una referencia legal de ${step.es} no tiene cláusula.`,
      hint: 'Indique la cláusula del documento base, p. ej. "B.3" o "37", o quite la referencia.',
    },
  }),

  legalLawEmpty: (step: Text): BilingualText => ({
    message: `A legal reference of ${step.en} names an empty law.`,
    hint: 'Write the national law and article, or leave the field empty.',
    es: {
      message: `Una referencia legal de ${step.es} indica una ley nacional vacía.`,
      hint: 'Escriba la ley nacional y el artículo, o deje el campo vacío.',
    },
  }),

  handoverLegalMissing: (step: Text): BilingualText => ({
    message: `${capital(step.en)} allows a handover to another country but cites no clause that allows it.`,
    hint: "Add the clause that lets the person's data cross the border here (e.g. document 003, clause 9.3), or untick the handover.",
    es: {
      message: `${capital(step.es)} permite traspasar el caso a otro país pero no cita ninguna cláusula que lo permita.`,
      hint: 'Añada la cláusula que permite que los datos de la persona crucen la frontera aquí (p. ej. documento 003, cláusula 9.3), o desmarque el traspaso.',
    },
  }),

  badTag: (step: Text, tag: string): BilingualText => ({
    message: `${step.en} has the tag "${tag}".`,
    hint: 'Tags are lowercase words joined by "-", e.g. "risk-assessment".',
    es: {
      message: `${capital(step.es)} tiene la etiqueta «${tag}», que no está bien escrita.`,
      hint: 'Las etiquetas son palabras en minúsculas unidas por "-", p. ej. "risk-assessment".',
    },
  }),
};

/** The texts of a protocol that lintDesignDoc checks, named as the messages name them. */
export const lintParts = {
  protocolTitle: { en: 'the protocol title', es: 'el título del protocolo' },
  protocolDescription: { en: 'the protocol description', es: 'la descripción del protocolo' },
  eventTitle: (name: string): Text => ({
    en: `the button text of action "${name}"`,
    es: `el texto del botón de la acción «${name}»`,
  }),
  eventDescription: (name: string): Text => ({
    en: `the description of action "${name}"`,
    es: `la descripción de la acción «${name}»`,
  }),
  guardDescription: (name: string): Text => ({
    en: `the meaning of condition "${name}"`,
    es: `el significado de la condición «${name}»`,
  }),
  step: (path: string): Text => ({ en: `step "${path}"`, es: `la etapa «${path}»` }),
  titleOf: (step: Text): Text => ({ en: `the title of ${step.en}`, es: `el título de ${step.es}` }),
  descriptionOf: (owner: Text): Text => ({
    en: `the description of ${owner.en}`,
    es: `la descripción de ${owner.es}`,
  }),
  institutionOf: (step: Text): Text => ({
    en: `the institution of ${step.en}`,
    es: `la institución de ${step.es}`,
  }),
  handoverOf: (step: Text): Text => ({
    en: `the handover of ${step.en}`,
    es: `el traspaso de ${step.es}`,
  }),
  handoverNoteOf: (step: Text): Text => ({
    en: `the handover note of ${step.en}`,
    es: `la nota del traspaso de ${step.es}`,
  }),
  entering: (step: Text): Text => ({ en: `entering ${step.en}`, es: `${step.es} al entrar` }),
  leaving: (step: Text): Text => ({ en: `leaving ${step.en}`, es: `${step.es} al salir` }),
  transition: (event: string, source: string): Text => ({
    en: `the transition "${event}" from ${source === '' ? 'any step' : `"${source}"`}`,
    es: `la transición «${event}» desde ${source === '' ? 'cualquier etapa' : `«${source}»`}`,
  }),
  deadlineTitle: (by: Text): Text => ({
    en: `the deadline set by ${by.en}`,
    es: `el texto del plazo que pone ${by.es}`,
  }),
  noticeReason: (by: Text): Text => ({
    en: `the reason of the notice sent by ${by.en}`,
    es: `el motivo del aviso que envía ${by.es}`,
  }),
  formTitle: (id: string): Text => ({
    en: `the title of form "${id}"`,
    es: `el título del formulario «${id}»`,
  }),
} satisfies Record<string, Text | ((...args: never[]) => Text)>;

/** "de" before a phrase, as Spanish writes it: "del título" for "de el título". */
function of(phrase: string): string {
  return phrase.startsWith('el ') ? `del ${phrase.slice(3)}` : `de ${phrase}`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
