import type { BilingualText } from './problemText.js';
import type { Text } from './types.js';

/**
 * What reading JSON text says when it cannot, in English and Spanish: one function per way the
 * text can be wrong. `found` is what stands where something else was expected (describeChar).
 * parseJson adds the line and column to each message.
 */
export const jsonTexts = {
  notText: (got: string): BilingualText => ({
    message: `Expected JSON text, got ${got}`,
    hint: 'pass the text of the file or request body',
    es: {
      message: `Se esperaba texto JSON y se recibió ${got}`,
      hint: 'Pase el texto del archivo o del cuerpo de la petición.',
    },
  }),

  /** Where the problem is, added to every message. */
  at: (line: number, column: number): Text => ({
    en: ` (line ${line}, column ${column})`,
    es: ` (línea ${line}, columna ${column})`,
  }),

  empty: (): BilingualText => ({
    message: 'The text is empty: there is no JSON value',
    hint: 'write a JSON value, e.g. an object {...}',
    es: {
      message: 'El texto está vacío: no hay ningún valor JSON',
      hint: 'Escriba un valor JSON, p. ej. un objeto {...}.',
    },
  }),

  afterEnd: (found: Text): BilingualText => ({
    message: `Unexpected ${found.en} after the end of the JSON value`,
    hint: 'remove what follows the last closing bracket, or wrap several values in a list [...]',
    es: {
      message: `Sobra ${found.es} después del final del valor JSON`,
      hint: 'Quite lo que sigue a la última llave o corchete de cierre, o ponga varios valores dentro de una lista [...].',
    },
  }),

  tooDeep: (max: number): BilingualText => ({
    message: `Objects and lists are nested more than ${max} deep`,
    hint: `flatten the structure: at most ${max} levels of nesting are accepted`,
    es: {
      message: `Los objetos y las listas están anidados a más de ${max} niveles`,
      hint: `Aplane la estructura: se aceptan como máximo ${max} niveles de anidamiento.`,
    },
  }),

  trailingCommaInObject: (): BilingualText => ({
    message: 'Trailing comma before "}"',
    hint: 'remove the comma after the last property',
    es: { message: 'Sobra una coma antes de "}"', hint: 'Quite la coma después de la última propiedad.' },
  }),

  expectedPropertyName: (found: Text): BilingualText => ({
    message: `Expected a property name in double quotes, found ${found.en}`,
    hint: 'write property names in double quotes, e.g. "title": ...',
    es: {
      message: `Se esperaba un nombre de propiedad entre comillas dobles y se encontró ${found.es}`,
      hint: 'Escriba los nombres de propiedad entre comillas dobles, p. ej. "title": ...',
    },
  }),

  forbiddenKey: (key: string): BilingualText => ({
    message: `The key "${key}" is not allowed`,
    hint: `rename or remove "${key}": keys __proto__, constructor and prototype are refused everywhere`,
    es: {
      message: `No se admite la clave «${key}»`,
      hint: `Cambie el nombre de «${key}» o quítela: las claves __proto__, constructor y prototype se rechazan en todas partes.`,
    },
  }),

  duplicateKey: (key: string): BilingualText => ({
    message: `The key "${key}" appears twice in the same object`,
    hint: `keep one "${key}" and merge or remove the other (JSON readers would silently keep only the last)`,
    es: {
      message: `La clave «${key}» aparece dos veces en el mismo objeto`,
      hint: `Deje una sola «${key}» y combine o quite la otra (los lectores de JSON se quedarían, sin avisar, solo con la última).`,
    },
  }),

  expectedColon: (key: string, found: Text): BilingualText => ({
    message: `Expected ":" after the property name "${key}", found ${found.en}`,
    hint: `write "${key}": <value>`,
    es: {
      message: `Se esperaba ":" después del nombre de propiedad «${key}» y se encontró ${found.es}`,
      hint: `Escriba "${key}": <valor>.`,
    },
  }),

  expectedCommaOrBrace: (key: string, found: Text): BilingualText => ({
    message: `Expected "," or "}" after the value of "${key}", found ${found.en}`,
    hint: 'add a comma between properties, or close the object with }',
    es: {
      message: `Se esperaba "," o "}" después del valor de «${key}» y se encontró ${found.es}`,
      hint: 'Añada una coma entre las propiedades, o cierre el objeto con }.',
    },
  }),

  trailingCommaInList: (): BilingualText => ({
    message: 'Trailing comma before "]"',
    hint: 'remove the comma after the last item',
    es: { message: 'Sobra una coma antes de "]"', hint: 'Quite la coma después del último elemento.' },
  }),

  expectedCommaOrBracket: (found: Text): BilingualText => ({
    message: `Expected "," or "]" after an item of the list, found ${found.en}`,
    hint: 'add a comma between items, or close the list with ]',
    es: {
      message: `Se esperaba "," o "]" después de un elemento de la lista y se encontró ${found.es}`,
      hint: 'Añada una coma entre los elementos, o cierre la lista con ].',
    },
  }),

  stringNotClosed: (): BilingualText => ({
    message: 'A string is not closed',
    hint: 'add the closing double quote "',
    es: {
      message: 'Un texto entre comillas no está cerrado',
      hint: 'Añada las comillas dobles de cierre ".',
    },
  }),

  controlCharacter: (): BilingualText => ({
    message: 'A string contains a line break or control character',
    hint: 'write line breaks as \\n and tabs as \\t inside strings, or close the string',
    es: {
      message: 'Un texto entre comillas contiene un salto de línea o un carácter de control',
      hint: 'Dentro de los textos, escriba los saltos de línea como \\n y los tabuladores como \\t, o cierre el texto.',
    },
  }),

  badUnicodeEscape: (): BilingualText => ({
    message: 'Bad unicode escape in a string',
    hint: 'write \\u followed by four hex digits, e.g. \\u00e9',
    es: {
      message: 'Una secuencia de escape unicode de un texto es incorrecta',
      hint: 'Escriba \\u seguido de cuatro dígitos hexadecimales, p. ej. \\u00e9.',
    },
  }),

  badEscape: (escaped: string): BilingualText => ({
    message: `Bad escape "\\${escaped}" in a string`,
    hint: 'write a backslash as \\\\; JSON knows \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX',
    es: {
      message: `La secuencia de escape «\\${escaped}» de un texto es incorrecta`,
      hint: 'Escriba una barra invertida como \\\\; JSON conoce \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX.',
    },
  }),

  badNumberStart: (found: Text): BilingualText => ({
    message: `Bad number starting with ${found.en}`,
    hint: 'write numbers like 12, -3.5 or 1e6, without leading zeros or a leading "+"',
    es: {
      message: `Número incorrecto que empieza por ${found.es}`,
      hint: 'Escriba los números como 12, -3.5 o 1e6, sin ceros a la izquierda ni un "+" delante.',
    },
  }),

  badNumber: (written: string): BilingualText => ({
    message: `Bad number "${written}"`,
    hint: 'write numbers like 12, -3.5 or 1e6, without leading zeros, hex or a trailing dot',
    es: {
      message: `Número incorrecto «${written}»`,
      hint: 'Escriba los números como 12, -3.5 o 1e6, sin ceros a la izquierda, sin hexadecimales y sin un punto al final.',
    },
  }),

  endsEarly: (): BilingualText => ({
    message: 'The text ends too early',
    hint: 'close every open {, [ and string: the file may be cut short',
    es: {
      message: 'El texto termina antes de tiempo',
      hint: 'Cierre cada {, [ y texto que quede abierto: puede que el archivo esté cortado.',
    },
  }),

  singleQuotes: (): BilingualText => ({
    message: 'A string in single quotes',
    hint: 'use double quotes for strings: "text", not \'text\'',
    es: {
      message: 'Un texto entre comillas simples',
      hint: 'Use comillas dobles para los textos: "texto", no \'texto\'.',
    },
  }),

  comment: (): BilingualText => ({
    message: 'A comment',
    hint: 'remove the comment: JSON has no comments (use a "description" field instead)',
    es: {
      message: 'Un comentario',
      hint: 'Quite el comentario: JSON no admite comentarios (use un campo "description" en su lugar).',
    },
  }),

  expectedValueBefore: (closing: string): BilingualText => ({
    message: `Expected a value before "${closing}"`,
    hint: 'remove the comma before it, or write the missing value',
    es: {
      message: `Se esperaba un valor antes de "${closing}"`,
      hint: 'Quite la coma que lo precede, o escriba el valor que falta.',
    },
  }),

  unexpectedWord: (word: string): BilingualText => ({
    message: `Unexpected word "${word}"`,
    hint: 'write text in double quotes ("…"); the only bare words JSON knows are true, false and null',
    es: {
      message: `Palabra inesperada «${word}»`,
      hint: 'Escriba el texto entre comillas dobles ("…"); las únicas palabras sin comillas que JSON conoce son true, false y null.',
    },
  }),

  unexpectedValue: (found: Text): BilingualText => ({
    message: `Unexpected ${found.en} where a value should be`,
    hint: 'write a value: an object, a list, a "string", a number, true, false or null',
    es: {
      message: `Se encontró ${found.es} donde debería haber un valor`,
      hint: 'Escriba un valor: un objeto, una lista, un "texto", un número, true, false o null.',
    },
  }),

  /** How a message names a character of the text (undefined: past its end). */
  describeChar: (c: string | undefined): Text => {
    if (c === undefined) return { en: 'the end of the text', es: 'el final del texto' };
    if (c === '\n' || c === '\r') return { en: 'a line break', es: 'un salto de línea' };
    const code = c.charCodeAt(0);
    if (code < 0x20) {
      const u = `U+${code.toString(16).padStart(4, '0')}`;
      return { en: `the control character ${u}`, es: `el carácter de control ${u}` };
    }
    return { en: `"${c}"`, es: `«${c}»` };
  },
};
