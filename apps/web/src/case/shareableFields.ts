import type { FormDefinition, Text } from '@ruta/protocol';

/**
 * The labels of the recorded fields that may cross a border (x-shareable), per form: what the
 * worker is told a handover packet will carry. The server builds the packet itself; this is
 * only the preview.
 */
export function shareableFields(
  data: Record<string, unknown>,
  forms: Record<string, FormDefinition>,
): { form: Text; fields: Text[] }[] {
  const out: { form: Text; fields: Text[] }[] = [];
  for (const [formId, values] of Object.entries(data)) {
    const form = forms[formId];
    if (!form || typeof values !== 'object' || values === null) continue;
    const fields: Text[] = [];
    for (const [key, field] of Object.entries(form.schema.properties ?? {})) {
      if (field['x-shareable'] && key in (values as Record<string, unknown>))
        fields.push(field['x-label'] ?? { es: key, en: key });
    }
    if (fields.length > 0) out.push({ form: form.title, fields });
  }
  return out;
}
