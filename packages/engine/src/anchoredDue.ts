import type { CompiledAnchor } from './compileProtocol.js';
import { parseInstant } from './instant.js';

/**
 * When a deadline or timer of `ms` started at `atMs` falls due: `ms` after the instant its anchor
 * field holds in the case's recorded data (e.g. the detection, for the 24-hour alert), when the
 * case records one; otherwise, and never later than, `ms` after `atMs`. An anchor later than the
 * step cannot be recorded (a date of what happened is refused when later than its step), but
 * should one be there, it gives no more time than the step itself would.
 */
export function anchoredDue(
  data: Readonly<Record<string, unknown>>,
  anchor: CompiledAnchor | undefined,
  atMs: number,
  ms: number,
): number {
  const fromStep = atMs + ms;
  if (anchor === undefined) return fromStep;
  const instant = anchorInstant(data, anchor);
  return instant === null ? fromStep : Math.min(instant + ms, fromStep);
}

/** The instant (ms) the anchor field holds in the case's data, or null when it holds none. */
export function anchorInstant(
  data: Readonly<Record<string, unknown>>,
  anchor: CompiledAnchor,
): number | null {
  let value: unknown = Object.hasOwn(data, anchor.form) ? data[anchor.form] : undefined;
  for (const key of anchor.path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key))
      return null;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'string' ? parseInstant(value) : null;
}
