import { currentFormFields } from './formFields.js';
import type { ResolvedProtocol } from './types.js';

/** A field whose answers `values` mean the person fears persecution or seeks international protection. */
export interface ProtectionNeedAnswer {
  form: string;
  /** Dotted path of the field in the form's data ("[]" for the items of a list). */
  field: string;
  values: (string | number | boolean)[];
}

/**
 * Every answer the protocol's forms declare (x-protectionNeed) as meaning a need for
 * international protection, by form and field: what the handover rule reads instead of any
 * literal value, so that a national variant wording the answer its own way keeps the protection.
 */
export function protectionNeedAnswers(protocol: Pick<ResolvedProtocol, 'forms'>): ProtectionNeedAnswer[] {
  const out: ProtectionNeedAnswer[] = [];
  for (const [form, definition] of Object.entries(protocol.forms)) {
    for (const f of currentFormFields(definition)) {
      const values = [
        ...new Set(
          f.definitions.flatMap((d) => (Array.isArray(d['x-protectionNeed']) ? d['x-protectionNeed'] : [])),
        ),
      ];
      if (values.length > 0) out.push({ form, field: f.path, values });
    }
  }
  return out;
}
