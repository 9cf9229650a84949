import type { FormError } from './createFormValidator.js';
import type { BilingualText } from './problemText.js';

/**
 * What the verifier says about a form (its schema, labels, choices, required fields and sample
 * submissions), in English and Spanish: one function per problem code and situation.
 */
export const formTexts = {
  formWithoutSchema: (id: string): BilingualText => ({
    message: `Form "${id}" has no schema: the fields a case worker fills.`,
    hint: 'Give the form a "schema": {"type": "object", "properties": {...}} with its fields.',
    es: {
      message: `El formulario «${id}» no tiene esquema ("schema"), es decir, los campos que llena el personal de casos.`,
      hint: 'Dé al formulario un "schema": {"type": "object", "properties": {...}} con sus campos.',
    },
  }),

  /** The validator cannot compile the schema: `error` is its "schema" error. */
  formSchemaInvalid: (error: FormError): BilingualText => ({
    message: error.message,
    hint: 'Correct the schema so JSON Schema draft-07 accepts it (the message names the keyword at fault); the form builder writes valid schemas.',
    es: {
      message: formErrorEs(error),
      hint: 'Corrija el esquema para que JSON Schema draft-07 lo acepte (el mensaje nombra la palabra clave que falla); el constructor de formularios escribe esquemas válidos.',
    },
  }),

  /** Sample `index` (from 0) is refused: `error` is the validator's first reason. */
  exampleInvalid: (form: string, index: number, error: FormError | undefined): BilingualText => {
    const at = error?.path ?? '';
    return {
      message: `Sample submission ${index + 1} of form "${form}" does not fill the form correctly: ${at || 'the submission'} ${error?.message ?? 'is invalid'}.`,
      hint: 'Fix the sample so it is a submission a case worker could really make; tests and the simulator use it to walk the protocol.',
      es: {
        message: `El ejemplo ${index + 1} del formulario «${form}» no llena bien el formulario: ${at ? `«${at}»` : 'el envío'} ${error ? formErrorEs(error) : 'no es válido'}.`,
        hint: 'Corrija el ejemplo para que sea un envío que el personal de casos realmente pudiera hacer; las pruebas y el simulador lo usan para recorrer el protocolo.',
      },
    };
  },

  protectionNeedNotAChoice: (field: string): BilingualText => ({
    message: `Field "${field}" declares x-protectionNeed but offers no choices ("enum"), so no recorded answer can be matched against it.`,
    hint: 'Put "x-protectionNeed" on the choice field whose answer records the need for international protection (e.g. the outcome of the alert), listing those answers of its "enum".',
    es: {
      message: `El campo «${field}» declara x-protectionNeed pero no ofrece opciones ("enum"), así que ninguna respuesta registrada puede compararse con él.`,
      hint: 'Ponga "x-protectionNeed" en el campo de opciones cuya respuesta registra la necesidad de protección internacional (p. ej. el resultado de la alerta), con esas respuestas de su "enum".',
    },
  }),

  protectionNeedEmpty: (field: string, choices: readonly unknown[]): BilingualText => ({
    message: `Field "${field}" declares x-protectionNeed without any answer.`,
    hint: `List the answers among ${choices.join(', ')} that mean the person fears persecution or seeks international protection, or remove "x-protectionNeed".`,
    es: {
      message: `El campo «${field}» declara x-protectionNeed sin ninguna respuesta.`,
      hint: `Indique las respuestas, entre ${choices.join(', ')}, que significan que la persona teme persecución o busca protección internacional, o quite "x-protectionNeed".`,
    },
  }),

  protectionNeedUnknownValue: (
    field: string,
    value: unknown,
    choices: readonly unknown[],
  ): BilingualText => ({
    message: `Field "${field}" declares "${String(value)}" as an answer meaning a need for international protection, but it is not one of its choices (${choices.join(', ')}).`,
    hint: 'Write the answer exactly as the field\'s "enum" has it, or add it to the choices: otherwise a case that records the need would still be handed over to the country of origin.',
    es: {
      message: `El campo «${field}» declara «${String(value)}» como respuesta que significa necesidad de protección internacional, pero no es una de sus opciones (${choices.join(', ')}).`,
      hint: 'Escriba la respuesta tal como la tiene el "enum" del campo, o añádala a las opciones: si no, un caso que registra la necesidad podría traspasarse igual al país de origen.',
    },
  }),

  fieldWithoutLabel: (field: string, missing: 'es' | 'en' | 'both'): BilingualText => ({
    message: `Field "${field}" has no label in ${{ both: 'Spanish or English', es: 'Spanish', en: 'English' }[missing]}.`,
    hint: 'Give the field an "x-label" with the text case workers see, in both languages: {"es": "...", "en": "..."}.',
    es: {
      message: `El campo «${field}» no tiene etiqueta en ${{ both: 'español ni en inglés', es: 'español', en: 'inglés' }[missing]}.`,
      hint: 'Dé al campo una "x-label" con el texto que ve el personal de casos, en los dos idiomas: {"es": "...", "en": "..."}.',
    },
  }),

  enumWithoutLabels: (field: string, choices: readonly unknown[]): BilingualText => ({
    message: `Field "${field}" offers ${choices.length} choices (${choices.join(', ')}) but no labels for them, so case workers would see codes.`,
    hint: 'Add "x-enumLabels": one {"es": "...", "en": "..."} per choice, in the same order as "enum".',
    es: {
      message: `El campo «${field}» ofrece ${plural(choices.length, 'opción', 'opciones')} (${choices.join(', ')}) pero sin etiquetas, así que el personal de casos vería códigos.`,
      hint: 'Añada "x-enumLabels": un {"es": "...", "en": "..."} por opción, en el mismo orden que "enum".',
    },
  }),

  enumLabelsCount: (field: string, choices: number, labels: number): BilingualText => ({
    message: `Field "${field}" has ${choices} choices but ${labels} choice labels.`,
    hint: 'Give exactly one label per choice in "x-enumLabels", in the same order as "enum".',
    es: {
      message: `El campo «${field}» tiene ${plural(choices, 'opción', 'opciones')}, pero ${plural(labels, 'etiqueta', 'etiquetas')} para ellas.`,
      hint: 'Dé exactamente una etiqueta por opción en "x-enumLabels", en el mismo orden que "enum".',
    },
  }),

  enumLabelIncomplete: (field: string, choice: string): BilingualText => ({
    message: `Choice "${choice}" of field "${field}" has no label in both languages.`,
    hint: 'Write the label of the choice in Spanish and English: {"es": "...", "en": "..."}.',
    es: {
      message: `La opción «${choice}» del campo «${field}» no tiene etiqueta en los dos idiomas.`,
      hint: 'Escriba la etiqueta de la opción en español y en inglés: {"es": "...", "en": "..."}.',
    },
  }),

  requiredFieldMissing: (field: string, key: string): BilingualText => ({
    message: `Field "${field}" is required but the form does not define it, so no submission can ever be valid.`,
    hint: `Define the field under "properties", or remove "${key}" from "required".`,
    es: {
      message: `El campo «${field}» es obligatorio pero el formulario no lo define, así que ningún envío podrá ser válido.`,
      hint: `Defina el campo en "properties", o quite "${key}" de "required".`,
    },
  }),

  // checkFormRules: the checks a form file gets when it is loaded. `field` is "" for the form itself.

  formEnumLabels: (field: string, choices: number | undefined, labels: number): BilingualText =>
    choices === undefined
      ? {
          message: `${nameOf.en(field)} has x-enumLabels but no enum`,
          hint: 'add the enum values, or remove x-enumLabels',
          es: {
            message: `${capital(nameOf.es(field))} tiene "x-enumLabels" pero no "enum".`,
            hint: 'Añada los valores de "enum", o quite "x-enumLabels".',
          },
        }
      : {
          message: `${nameOf.en(field)} has ${choices} choices but ${labels} labels`,
          hint: 'give one label per enum value, in the same order',
          es: {
            message: `${capital(nameOf.es(field))} tiene ${plural(choices, 'opción', 'opciones')} pero ${plural(labels, 'etiqueta', 'etiquetas')}.`,
            hint: 'Dé una etiqueta por cada valor de "enum", en el mismo orden.',
          },
        },

  formRequiredUnknown: (field: string, key: string): BilingualText => ({
    message: `"${key}" is required but ${nameOf.en(field)} has no field "${key}"`,
    hint: `add a field "${key}" under properties, or remove it from required`,
    es: {
      message: `«${key}» es obligatorio pero ${nameOf.es(field)} no tiene ningún campo «${key}».`,
      hint: `Añada un campo «${key}» en "properties", o quítelo de "required".`,
    },
  }),

  formDependencyUnknown: (key: string, when: string): BilingualText => ({
    message: `"${key}" is required when "${when}" is filled, but there is no field "${key}"`,
    hint: `add a field "${key}" under properties, or remove it from the dependency`,
    es: {
      message: `«${key}» es obligatorio cuando se llena «${when}», pero no hay ningún campo «${key}».`,
      hint: `Añada un campo «${key}» en "properties", o quítelo de la dependencia ("dependencies").`,
    },
  }),

  /** Example `index` (from 0) of a form file is refused for `error`. */
  formExampleInvalid: (form: string, index: number, error: FormError): BilingualText => ({
    message: `Example ${index} of form "${form}" is not accepted: ${error.path || 'the example'} ${error.message}`,
    hint: 'fix the example so it is a submission the form accepts, or fix the form',
    es: {
      message: `El formulario «${form}» no acepta el ejemplo ${index}: ${error.path ? `«${error.path}»` : 'el ejemplo'} ${formErrorEs(error)}.`,
      hint: 'Corrija el ejemplo para que sea un envío que el formulario acepte, o corrija el formulario.',
    },
  }),
};

const nameOf = {
  en: (field: string) => (field === '' ? 'the form' : `the field "${field}"`),
  es: (field: string) => (field === '' ? 'el formulario' : `el campo «${field}»`),
};

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

const TYPES_ES: Record<string, string> = {
  object: 'un objeto',
  array: 'una lista',
  string: 'un texto',
  number: 'un número',
  integer: 'un número entero',
  boolean: 'sí o no (true o false)',
  null: 'vacío (null)',
};

const COMPARISONS_ES: Record<string, string> = {
  '>=': 'mayor o igual que',
  '>': 'mayor que',
  '<=': 'menor o igual que',
  '<': 'menor que',
};

/**
 * A reason the form validator gives (createFormValidator, in English for logs), in Spanish: what
 * the value at the error's path must be, e.g. "debe ser un número entero". The validator's
 * messages follow Ajv's by keyword; a message this does not know is quoted as it is.
 */
export function formErrorEs(error: FormError): string {
  const m = error.message;
  const number = /(-?\d+(?:\.\d+)?)/.exec(m)?.[1] ?? '';
  const quoted = /"([^"]*)"/.exec(m)?.[1] ?? '';
  switch (error.keyword) {
    case 'required':
      return 'es obligatorio';
    case 'additionalProperties':
      return 'no es un campo de este formulario: quítelo';
    case 'type':
      return `debe ser ${m
        .replace(/^must be /, '')
        .split(',')
        .map((t) => TYPES_ES[t] ?? t)
        .join(' o ')}`;
    case 'maxLength':
      return `debe tener como máximo ${plural(Number(number), 'carácter', 'caracteres')}`;
    case 'minLength':
      return `debe tener al menos ${plural(Number(number), 'carácter', 'caracteres')}`;
    case 'maxItems':
      return `debe tener como máximo ${plural(Number(number), 'elemento', 'elementos')}`;
    case 'minItems':
      return `debe tener al menos ${plural(Number(number), 'elemento', 'elementos')}`;
    case 'maxProperties':
      return `debe tener como máximo ${plural(Number(number), 'campo', 'campos')}`;
    case 'minProperties':
      return `debe tener al menos ${plural(Number(number), 'campo', 'campos')}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const [, comparison = '', limit = ''] = /^must be (>=|<=|>|<) (.*)$/.exec(m) ?? [];
      return `debe ser ${COMPARISONS_ES[comparison] ?? comparison} ${limit}`;
    }
    case 'enum':
      return `debe ser uno de: ${m.replace(/^must be one of: /, '')}`;
    case 'const':
      return 'debe tener el único valor que el formulario admite aquí';
    case 'format':
      return `debe tener el formato «${quoted}»`;
    case 'pattern':
      return `debe seguir el patrón «${quoted}»`;
    case 'uniqueItems': {
      const [, j = '', i = ''] = /items ## (\d+) and (\d+)/.exec(m) ?? [];
      return `no debe repetir elementos (los elementos ${i} y ${j} son iguales)`;
    }
    case 'multipleOf':
      return `debe ser múltiplo de ${number}`;
    case 'dependencies':
      return `debe tener ${m
        .replace(/^must have propert(y|ies) /, '')
        .replace(' when property ', ' cuando tiene ')
        .replace(/ is present$/, '')}`;
    case 'forbiddenKey':
      return `no se admite la clave «${quoted}»`;
    case 'maxDepth':
      return `está anidado a más de ${number} niveles de profundidad`;
    case 'invalid':
      return `no se puede validar (${m.replace(/^cannot be validated: /, '')})`;
    case 'schema': {
      const [, form = '', version = '', reason = m] =
        /^The form "(.*)" version (\S*) cannot be used to validate: (.*)\. Fix the form's schema\.$/s.exec(
          m,
        ) ?? [];
      return `El formulario «${form}» (versión ${version}) no sirve para validar envíos porque su esquema no es válido (el validador dice: ${reason}). Corrija el esquema del formulario.`;
    }
    default:
      return `no es válido (el validador dice: ${m})`;
  }
}
