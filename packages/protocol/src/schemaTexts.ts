import type { ErrorObject } from 'ajv';
import type { BilingualText } from './problemText.js';
import { SCHEMA_DESCRIPTIONS_ES } from './schemaDescriptionsEs.js';
import type { Lang, Text } from './types.js';

/**
 * What the format check (checkSchema) says, in English and Spanish. A message is made of where
 * the value is (`place`: the file, or the dotted path of the value), what is wrong with it, and
 * a hint; each part is a Text, and checkSchema puts the message and hint of a problem together.
 * `dotted` is the path of the value as the designer reads it: "machine.states.a.meta.legal".
 */

/** How a message names where a value is, at the start of a sentence (`es`) or inside one (`esIn`). */
export interface Place extends Text {
  esIn: string;
}

export function placeOf(dotted: string): Place {
  return dotted === ''
    ? { en: 'The file', es: 'El archivo', esIn: 'el archivo' }
    : { en: `"${dotted}"`, es: `«${dotted}»`, esIn: `«${dotted}»` };
}

export const schemaMessages = {
  /** Any other refusal: Ajv's own words in English, `predicateEs` in Spanish. */
  invalid: (place: Place, error: ErrorObject): Text => ({
    en: `${place.en} ${error.message ?? 'is invalid'}`,
    es: `${place.es} ${predicateEs(error)}`,
  }),
  keyNotAllowed: (key: string, place: Place): Text => ({
    en: `The key "${key}" is not allowed in ${place.en}`,
    es: `No se admite la clave «${key}» en ${place.esIn}`,
  }),
  missing: (place: Place, key: string): Text => ({
    en: `${place.en} is missing "${key}"`,
    es: `Falta «${key}» en ${place.esIn}`,
  }),
  notAllowed: (key: string, place: Place): Text => ({
    en: `"${key}" is not allowed in ${place.en}`,
    es: `No se admite «${key}» en ${place.esIn}`,
  }),
  notGuardLogic: (place: Place, value: unknown): Text => ({
    en: `${place.en} must be a JSON Logic condition (an object) or true/false, but it is ${describeValue(value, 'en')}`,
    es: `${place.es} debe ser una condición JSON Logic (un objeto) o true/false, pero es ${describeValue(value, 'es')}`,
  }),
  wrongType: (place: Place, wanted: string, value: unknown): Text => ({
    en: `${place.en} must be ${typeNames(wanted, 'en')} (it is ${describeValue(value, 'en')})`,
    es: `${place.es} debe ser ${typeNames(wanted, 'es')} (es ${describeValue(value, 'es')})`,
  }),
  notAllowedValue: (place: Place, value: unknown): Text => ({
    en: `${place.en} is ${JSON.stringify(value)}, which is not one of the allowed values`,
    es: `${place.es} es ${JSON.stringify(value)}, que no es uno de los valores permitidos`,
  }),
  notConstant: (place: Place, allowed: unknown): Text => ({
    en: `${place.en} must be ${JSON.stringify(allowed)}`,
    es: `${place.es} debe ser ${JSON.stringify(allowed)}`,
  }),
  emptyText: (place: Place): Text => ({ en: `${place.en} is empty`, es: `${place.es} está vacío` }),
  valueNotAllowed: (place: Place, value: unknown): Text => ({
    en: `${place.en} is ${JSON.stringify(value)}, which is not allowed here`,
    es: `${place.es} es ${JSON.stringify(value)}, que no se admite aquí`,
  }),
  severalOperators: (place: Place): Text => ({
    en: `${place.en} has several keys, but a JSON Logic operation has exactly one: the operator`,
    es: `${place.es} tiene varias claves, pero una operación JSON Logic tiene exactamente una: el operador`,
  }),
  emptyOperation: (place: Place): Text => ({
    en: `${place.en} is an empty object, not a JSON Logic operation`,
    es: `${place.es} es un objeto vacío, no una operación JSON Logic`,
  }),
  badFormat: (place: Place, format: string): Text => ({
    en: `${place.en} is not a valid ${format}`,
    es: `${place.es} no tiene un formato ${format} válido`,
  }),
};

export const schemaHints = {
  fixValue: (): Text => ({
    en: 'fix the value to match the format described in the schema',
    es: 'Corrija el valor para que siga el formato que describe el esquema.',
  }),
  useOneOf: (near: string | undefined, allowed: readonly string[]): Text => ({
    en: `${near ? `did you mean "${near}"? ` : ''}use one of: ${allowed.join(', ')}`,
    es: `${near ? `¿Quiso decir «${near}»? ` : ''}Use uno de: ${allowed.join(', ')}.`,
  }),
  renameReserved: (key: string): Text => ({
    en: `rename "${key}": constructor and prototype are reserved words`,
    es: `Cambie el nombre de «${key}»: constructor y prototype son palabras reservadas.`,
  }),
  rename: (key: string, why: Text): Text => ({
    en: `rename "${key}": ${why.en}`,
    es: `Cambie el nombre de «${key}»: ${sentence(why.es)}`,
  }),
  /** A missing text in one language; `owner` is the key of the text ("title"), undefined for a list item. */
  addText: (lang: Lang, owner: string | undefined, dotted: string): Text => ({
    en: `add ${lang === 'es' ? 'a Spanish' : 'an English'} ${owner?.replace(/^x-/, '') ?? 'text'}: ${dotted}`,
    es: `Añada el texto en ${lang === 'es' ? 'español' : 'inglés'}${owner === undefined ? '' : ` de «${owner}»`}: ${dotted}.`,
  }),
  addLabel: (dotted: string): Text => ({
    en: `add a label in both languages: ${dotted}: {"es": "...", "en": "..."}`,
    es: `Añada una etiqueta en los dos idiomas: ${dotted}: {"es": "...", "en": "..."}.`,
  }),
  add: (dotted: string, what: Partial<Text>): Text => ({
    en: `add ${dotted}${what.en ? `: ${what.en}` : ''}`,
    es: what.es ? `Añada ${dotted}: ${sentence(what.es)}` : `Añada ${dotted}.`,
  }),
  removeFieldTitle: (key: string): Text => ({
    en: `remove "${key}": a field's label is written as "x-label": {"es": ..., "en": ...} and its help as "x-help"`,
    es: `Quite «${key}»: la etiqueta de un campo se escribe como "x-label": {"es": ..., "en": ...} y su ayuda como "x-help".`,
  }),
  remove: (key: string, near: string | undefined, allowed: readonly string[]): Text => ({
    en: `${near ? `did you mean "${near}"? ` : ''}remove "${key}"${allowed.length > 0 ? `; allowed here: ${allowed.join(', ')}` : ''}`,
    es: `${near ? `¿Quiso decir «${near}»? ` : ''}Quite «${key}»${allowed.length > 0 ? `; aquí se admiten: ${allowed.join(', ')}` : ''}.`,
  }),
  writeGuardLogic: (): Text => ({
    en: 'write the condition as a JSON Logic object, e.g. {"==": [{"var": "form.decision"}, "return"]}, or true/false; strings of code are not accepted',
    es: 'Escriba la condición como un objeto JSON Logic, p. ej. {"==": [{"var": "form.decision"}, "return"]}, o true/false; no se aceptan textos con código.',
  }),
  makeType: (dotted: string, wanted: string): Text => ({
    en: `make ${dotted || 'the file'} ${typeNames(wanted, 'en')}`,
    es: `Haga que ${dotted || 'el archivo'} sea ${typeNames(wanted, 'es')}.`,
  }),
  setConstant: (dotted: string, allowed: unknown): Text => ({
    en: `set ${dotted} to ${JSON.stringify(allowed)}`,
    es: `Ponga ${JSON.stringify(allowed)} en ${dotted}.`,
  }),
  writeText: (lang: Lang, dotted: string): Text => ({
    en: `write ${lang === 'es' ? 'a Spanish' : 'an English'} text at ${dotted}; it must not be empty`,
    es: `Escriba el texto en ${lang === 'es' ? 'español' : 'inglés'} en ${dotted}; no puede quedar vacío.`,
  }),
  change: (dotted: string, why: Text): Text => ({
    en: `change ${dotted}: ${why.en}`,
    es: `Cambie ${dotted}: ${sentence(why.es)}`,
  }),
  oneOperator: (): Text => ({
    en: 'combine conditions with {"and": [...]} or {"or": [...]}, one operation per object',
    es: 'Combine las condiciones con {"and": [...]} o {"or": [...]}, una operación por objeto.',
  }),
  writeOperation: (): Text => ({
    en: 'write an operation such as {"==": [{"var": "form.decision"}, "return"]}, or true/false',
    es: 'Escriba una operación como {"==": [{"var": "form.decision"}, "return"]}, o true/false.',
  }),
  addAtLeast: (limit: string, items: boolean, dotted: string): Text => ({
    en: `add at least ${limit} ${items ? 'item(s) to' : 'entry(ies) to'} ${dotted}, or remove it`,
    es: `Añada al menos ${limit} ${items ? 'elemento(s)' : 'entrada(s)'} a ${dotted}, o quítelo.`,
  }),
  removeRepeated: (j: string, i: string, dotted: string): Text => ({
    en: `remove the repeated item ${j} or ${i} (counting from 0) from ${dotted}`,
    es: `Quite de ${dotted} el elemento repetido ${j} o ${i} (contando desde 0).`,
  }),
  useNumber: (comparison: string, limit: string, dotted: string): Text => ({
    en: `use a number ${comparison} ${limit} at ${dotted}`,
    es: `Use en ${dotted} un número ${COMPARISONS_ES[comparison] ?? comparison} ${limit}.`,
  }),
  writeRegex: (dotted: string): Text => ({
    en: `write a valid regular expression at ${dotted}`,
    es: `Escriba una expresión regular válida en ${dotted}.`,
  }),
  writeFormat: (format: string, dotted: string): Text => ({
    en: `write a valid ${format} at ${dotted}`,
    es: `Escriba en ${dotted} un valor con formato ${format} válido.`,
  }),
};

/** `kind` is not one of the kinds of file the format has. */
export function unknownSchemaKind(kind: string, kinds: readonly string[]): BilingualText {
  const list = kinds.map((k) => `"${k}"`).join(', ');
  return {
    message: `"${kind}" is not a kind of file the protocol format has`,
    hint: `use one of ${list}`,
    es: {
      message: `«${kind}» no es un tipo de archivo del formato de protocolos.`,
      hint: `Use uno de ${list}.`,
    },
  };
}

/** A schema's description in Spanish (see SCHEMA_DESCRIPTIONS_ES); undefined when it has none. */
export function descriptionEs(description: string): string | undefined {
  return Object.hasOwn(SCHEMA_DESCRIPTIONS_ES, description) ? SCHEMA_DESCRIPTIONS_ES[description] : undefined;
}

const TYPE_NAMES: Record<Lang, Record<string, string>> = {
  en: {
    object: 'an object {...}',
    array: 'a list [...]',
    string: 'a text in double quotes',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    null: 'null',
  },
  es: {
    object: 'un objeto {...}',
    array: 'una lista [...]',
    string: 'un texto entre comillas dobles',
    number: 'un número',
    integer: 'un número entero',
    boolean: 'true o false',
    null: 'null',
  },
};

/** "integer" -> "a whole number"; "string,null" -> "a text in double quotes or null". */
function typeNames(types: string, lang: Lang): string {
  return types
    .split(',')
    .map((t) => TYPE_NAMES[lang][t] ?? t)
    .join(lang === 'es' ? ' o ' : ' or ');
}

function describeValue(v: unknown, lang: Lang): string {
  const es = lang === 'es';
  if (v === null) return 'null';
  if (Array.isArray(v)) return es ? 'una lista' : 'a list';
  if (typeof v === 'object') return es ? 'un objeto' : 'an object';
  if (typeof v === 'string') {
    const shown = JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
    return es ? `el texto ${shown}` : `the text ${shown}`;
  }
  if (es && typeof v === 'number') return `el número ${JSON.stringify(v)}`;
  if (es && typeof v === 'boolean') return `el valor ${JSON.stringify(v)}`;
  return `${typeof v} ${JSON.stringify(v)}`;
}

const COMPARISONS_ES: Record<string, string> = {
  '>=': 'mayor o igual que',
  '>': 'mayor que',
  '<=': 'menor o igual que',
  '<': 'menor que',
};

function count(n: unknown, one: string, many: string): string {
  return `${String(n)} ${n === 1 ? one : many}`;
}

/** What the value must be, in Spanish, for an Ajv error the format check has no words of its own for. */
export function predicateEs(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'minItems':
      return `debe tener al menos ${count(p.limit, 'elemento', 'elementos')}`;
    case 'maxItems':
      return `debe tener como máximo ${count(p.limit, 'elemento', 'elementos')}`;
    case 'minProperties':
      return `debe tener al menos ${count(p.limit, 'entrada', 'entradas')}`;
    case 'maxProperties':
      return `debe tener como máximo ${count(p.limit, 'entrada', 'entradas')}`;
    case 'minLength':
      return `debe tener al menos ${count(p.limit, 'carácter', 'caracteres')}`;
    case 'maxLength':
      return `debe tener como máximo ${count(p.limit, 'carácter', 'caracteres')}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `debe ser ${COMPARISONS_ES[String(p.comparison)] ?? String(p.comparison)} ${String(p.limit)}`;
    case 'uniqueItems':
      return `no debe repetir elementos (los elementos ${String(p.j)} y ${String(p.i)} son iguales)`;
    case 'multipleOf':
      return `debe ser múltiplo de ${String(p.multipleOf)}`;
    case 'pattern':
      return `debe seguir el patrón «${String(p.pattern)}»`;
    case 'format':
      return `debe tener el formato «${String(p.format)}»`;
    case 'dependencies':
    case 'dependentRequired':
      return `debe tener «${String(p.missingProperty)}» cuando tiene «${String(p.property)}»`;
    case 'not':
      return 'tiene un valor que no se admite aquí';
    case 'false schema':
      return 'no se admite aquí';
    default:
      return `no es válido (el validador dice: ${e.message ?? e.keyword})`;
  }
}

/** Ends a Spanish phrase quoted at the end of a hint with a full stop, unless it has one. */
function sentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}
