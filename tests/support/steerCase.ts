// How the tests that drive a case over the API choose what to send (the server's and the web
// app's drivers alike): sample submissions that lead a child-repatriation case towards return
// and closure first, and never the events that turn a case back or sideways.

/** Events a driver never sends on its own: they turn a case back or sideways. */
export const AVOID_EVENTS: ReadonlySet<string> = new Set([
  'WITHDRAW_CONSENT',
  'MORE_FOLLOW_UP',
  'RECEIVE_HANDOVER',
]);

/** Answers that steer towards return and closure. */
const PREFER = new Set([
  'close',
  'return',
  'return-to-family',
  'presumed-victim',
  'sent-network',
  'notified',
  'foreign-confirmed',
  'authorises',
  'low',
]);
/** Answers that keep a case where it is or send it elsewhere. */
const SHUN = new Set([
  'continue',
  'stay',
  'third-country',
  'not-indicated',
  'withheld-protection-need',
  'orders-review',
  'high',
  'adult',
]);

function score(example: unknown): number {
  let s = 0;
  const visit = (v: unknown) => {
    if (typeof v === 'string') s += PREFER.has(v) ? 1 : SHUN.has(v) ? -1 : 0;
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(example);
  return s;
}

/** Sample submissions, those steering towards return and closure first (a new list). */
export function steeringFirst<T>(examples: readonly T[]): T[] {
  return [...examples].sort((a, b) => score(b) - score(a));
}
