/** How a due date stands against now: the remaining (or overdue) milliseconds and the urgency. */
export interface TimeLeft {
  overdue: boolean;
  /** Absolute distance to the due date. */
  ms: number;
  /** "overdue"; "soon" when under a quarter of a day is left; else "ok". */
  urgency: 'overdue' | 'soon' | 'ok';
}

export const SOON_MS = 6 * 3_600_000;

export function timeLeft(dueIso: string, nowMs: number): TimeLeft | null {
  const due = Date.parse(dueIso);
  if (Number.isNaN(due)) return null;
  const diff = due - nowMs;
  if (diff < 0) return { overdue: true, ms: -diff, urgency: 'overdue' };
  return { overdue: false, ms: diff, urgency: diff <= SOON_MS ? 'soon' : 'ok' };
}
