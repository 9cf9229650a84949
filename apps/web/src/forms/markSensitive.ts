/**
 * Marks the fields of an rjsf schema that carry `x-sensitive` so the worker knows, while typing,
 * that the value will be reserved: a class for the visual marker and a sentence in the field's
 * help (read out with the field).
 */
export function markSensitive(
  schema: Record<string, unknown>,
  uiSchema: Record<string, unknown>,
  note: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...uiSchema };
  const props = schema.properties as Record<string, Record<string, unknown>> | undefined;
  for (const [key, child] of Object.entries(props ?? {})) {
    const childUi = { ...((out[key] as Record<string, unknown> | undefined) ?? {}) };
    if (child['x-sensitive'] === true) {
      childUi['ui:classNames'] = `${(childUi['ui:classNames'] as string | undefined) ?? ''} field-sensitive`.trim();
      const help = childUi['ui:help'] as string | undefined;
      childUi['ui:help'] = help ? `${help} ${note}` : note;
    }
    if (child.type === 'object') Object.assign(childUi, markSensitive(child, childUi, note));
    if (Object.keys(childUi).length > 0) out[key] = childUi;
  }
  return out;
}
