import { SENSITIVE_CLASS } from '@ruta/protocol';

/**
 * Adds a sentence to the help of every field localizeForm marked sensitive
 * (`ui:options.sensitive`), so the worker hears, with the field, that its value will be reserved,
 * and turns the browser's autocomplete off for it: a victim's name or address must not be offered
 * to the next person who types on a shared computer. The padlock drawn next to the label comes
 * from the class localizeForm set (see app.css).
 */
export function markSensitive(uiSchema: Record<string, unknown>, note: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...uiSchema };
  const options = out['ui:options'] as Record<string, unknown> | undefined;
  const classes = typeof out['ui:classNames'] === 'string' ? out['ui:classNames'].split(/\s+/) : [];
  if (options?.sensitive === true || classes.includes(SENSITIVE_CLASS)) {
    const help = out['ui:help'];
    out['ui:help'] = typeof help === 'string' && help ? `${help} ${note}` : note;
    out['ui:autocomplete'] = 'off';
  }
  for (const [key, value] of Object.entries(out)) {
    if (key.startsWith('ui:') || typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    out[key] = markSensitive(value as Record<string, unknown>, note);
  }
  return out;
}
