import { protectionNeedAnswers } from './protectionNeedAnswers.js';
import type { ResolvedProtocol } from './types.js';

/**
 * The forms of a case's data (by form id, as the case stores them) that record an answer the
 * protocol declares as a need for international protection; empty when none does.
 *
 * @example recordedProtectionNeed(protocol, { 'cr-alert': { outcome: 'withheld-protection-need' } }) // ["cr-alert"]
 */
export function recordedProtectionNeed(
  protocol: Pick<ResolvedProtocol, 'forms'>,
  data: Readonly<Record<string, unknown>>,
): string[] {
  const forms = new Set<string>();
  for (const answer of protectionNeedAnswers(protocol)) {
    if (!Object.hasOwn(data, answer.form)) continue;
    const recorded = valuesAt(data[answer.form], answer.field.split('.'));
    if (recorded.some((v) => answer.values.includes(v as string | number | boolean))) forms.add(answer.form);
  }
  return [...forms];
}

/** The values at a dotted path; "[]" steps into every item of a list, and a list field gives its items. */
function valuesAt(value: unknown, segments: string[]): unknown[] {
  if (segments.length === 0) return Array.isArray(value) ? value : [value];
  const [head, ...rest] = segments as [string, ...string[]];
  if (head.endsWith('[]')) {
    const key = head.slice(0, -2);
    const list = key === '' ? value : own(value, key);
    return Array.isArray(list) ? list.flatMap((item) => valuesAt(item, rest)) : [];
  }
  const next = own(value, head);
  return next === undefined ? [] : valuesAt(next, rest);
}

function own(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
