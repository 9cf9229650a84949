import Ajv from 'ajv';
import addFormats from 'ajv-formats';

/** The Ruta annotations a form schema carries beside JSON Schema keywords. */
export const FIELD_ANNOTATIONS = ['x-label', 'x-help', 'x-enumLabels', 'x-sensitive', 'x-shareable'] as const;

let instance: Ajv | undefined;

/**
 * The one Ajv that validates form submissions, on the server and in the browser alike: every
 * error reported, no type coercion, no defaults written into the data.
 */
export function formAjv(): Ajv {
  if (!instance) {
    instance = new Ajv({
      allErrors: true,
      strict: true,
      strictTypes: false,
      // A condition may require a field its parent declares: that is the point of then: {required}.
      strictRequired: false,
      coerceTypes: false,
      useDefaults: false,
      removeAdditional: false,
      addUsedSchema: false,
    });
    addFormats(instance);
    instance.addVocabulary([...FIELD_ANNOTATIONS]);
  }
  return instance;
}
