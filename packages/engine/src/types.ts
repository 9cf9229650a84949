/**
 * The engine's contract: a case, the commands that step it, the events it appends, and the
 * reports replay gives. All plain JSON; clock and id generation are injected.
 */
import type { Country, Jurisdiction, JsonLogic, Role, Text } from '@ruta/protocol';

/** Injected time: the engine never reads the system clock. Returns an ISO 8601 instant. */
export type Clock = () => string;
/** Injected id generation: the engine never draws random numbers. */
export type IdGenerator = () => string;

export interface Actor {
  userId: string;
  role: Role | 'system';
  /** The country the actor works in, or REGIONAL. */
  country: Jurisdiction;
}

export interface Command {
  /** The event to send, one of the protocol's `events` (or a timer event, actor role "system"). */
  event: string;
  /** Form data for transitions that record a form. */
  data?: unknown;
  actor: Actor;
}

/** XState's state value: a state key, or nested objects of them for compound and parallel states. */
export type StateValue = string | { [key: string]: StateValue };

export interface Deadline {
  /** "state:<path>" for a state's own deadline, or the name given by a setDeadline action. */
  name: string;
  title: Text;
  dueAt: string;
  setAt: string;
}

/** A delayed transition that will fire at `dueAt` unless the state is left first. */
export interface Timer {
  /** The event to send when due (XState's "xstate.after.<delay>.<stateId>"). */
  event: string;
  dueAt: string;
  state: string;
}

export interface CaseProfile {
  originCountry?: string;
  sex?: string;
  ageGroup?: string;
  exploitation?: string;
}

export interface ProtocolRef {
  id: string;
  version: number;
  jurisdiction: Jurisdiction;
}

export interface CaseState {
  id: string;
  protocol: ProtocolRef;
  /** The country whose agencies run this case. */
  country: Country;
  value: StateValue;
  status: 'active' | 'closed';
  /** Recorded form data, keyed by form id. */
  data: Record<string, unknown>;
  profile: CaseProfile;
  deadlines: Deadline[];
  timers: Timer[];
  /** Sequence number of the last event (0 = opened). */
  seq: number;
  /** Hash of the last event. */
  head: string;
  openedAt: string;
  updatedAt: string;
}

export type EventKind = 'opened' | 'step' | 'timer' | 'migrated';

/** Something the outside world must do after a step: the server carries these out. */
export type Effect =
  | { type: 'notifyFocalPoint'; country: string; reason: Text }
  | { type: 'openLinkedCase'; protocol: string; country: string; relation: 'referral' | 'handover' };

export interface EventRecord {
  caseId: string;
  seq: number;
  id: string;
  kind: EventKind;
  /** The event sent (for "opened": "case.opened"; for "migrated": "case.migrated"). */
  type: string;
  at: string;
  actor: Actor;
  data?: unknown;
  from: StateValue | null;
  to: StateValue;
  protocol: ProtocolRef;
  /**
   * For "opened": the country whose agencies run the case (added by the engine: the actor may
   * be REGIONAL, so replay could not tell the case's country otherwise).
   */
  country?: Country;
  /** For "migrated": the version left and the state mapping used. */
  migration?: { from: ProtocolRef; mapping: Record<string, string> };
  effects: Effect[];
  /** Hash of the previous event ("" for the first). */
  prev: string;
  /** SHA-256 (hex) over the canonical JSON of this record without `hash`, which includes `prev`. */
  hash: string;
}

export type Rejection =
  | { code: 'timer-not-due'; message: string; event: string; dueAt: string; at: string }
  | { code: 'bad-input'; message: string; path?: string }
  | { code: 'case-closed'; message: string }
  | { code: 'event-not-available'; message: string; event: string; available: string[] }
  | { code: 'role-not-allowed'; message: string; role: string; allowed: string[] }
  | { code: 'country-not-allowed'; message: string; country: string; caseCountry: string }
  | { code: 'form-invalid'; message: string; form: string; path: string; keyword: string }
  | { code: 'guard-failed'; message: string; guard: string; description: Text; condition: JsonLogic }
  | {
      code: 'migration-not-allowed';
      message: string;
      /**
       * not-newer: the target is the case's own version or an older one of the same id;
       * final-state: the mapping would close the case; invariant: it would put the case in a
       * state an invariant guards (e.g. return) without the steps it requires recorded.
       */
      rule: 'not-newer' | 'final-state' | 'invariant';
      state?: string;
      invariant?: string;
      description?: Text;
    };

export type StepResult =
  { ok: true; case: CaseState; event: EventRecord; effects: Effect[] } | { ok: false; reasons: Rejection[] };

/** One event the actor could send now, and why not where it cannot. */
export interface AvailableAction {
  event: string;
  title: Text;
  /** The form this event records, if any. */
  form?: string;
  ok: boolean;
  reasons: Rejection[];
}

export interface EventConformance {
  seq: number;
  type: string;
  /**
   * The protocol version the event records it ran under (absent when the record holds none that
   * is well formed): a reader names the event, its stages and form by that version's titles.
   */
  protocol?: { id: string; version: number };
  accepted: boolean;
  sameState: boolean;
  hashIntact: boolean;
  /** Why this event diverges, when it does. */
  reasons: Rejection[] | { code: string; message: string }[];
  /** What an auditor should know that is no divergence (e.g. a migration a what-if skips). */
  notes: { code: string; message: string }[];
  expected: StateValue | null;
  actual: StateValue | null;
}

export interface ConformanceReport {
  ok: boolean;
  protocol: ProtocolRef;
  events: EventConformance[];
  /** The first event that diverges, if any. */
  firstDivergence: number | null;
  /**
   * Where the stored case document differs from the state its history replays to (given the
   * document: ReplayOptions.document); any difference makes the report not ok.
   */
  document?: DocumentDifference[];
}

// ---------------------------------------------------------------------------------------------
// Added by the engine (not in the first contract draft).

/** SHA-256 of a text's UTF-8 bytes, as lowercase hex. Injected so a browser can pass its own. */
export type Sha256 = (text: string) => string;

/** What the engine needs from the outside world. `sha256` defaults to node:crypto under Node. */
export interface EngineDeps {
  clock: Clock;
  ids: IdGenerator;
  sha256?: Sha256;
}

/** The result of migrateCase. */
export type MigrateResult =
  { ok: true; case: CaseState; event: EventRecord } | { ok: false; reasons: Rejection[] };

/** The result of verifyChain: where the chain of hashes first breaks, and why. */
export interface ChainReport {
  ok: boolean;
  /** How many events were checked. */
  events: number;
  /** Position (= the seq it should have) of the first broken event, or null. */
  brokenAt: number | null;
  /** Why it breaks there; "" when the chain is intact. */
  reason: string;
  /** Why it breaks, as a code with what a client needs to say it in its language; absent when intact. */
  problem?: ChainProblem;
}

/**
 * What breaks a case's chain. `seq` is the position of the event concerned (the seq it should
 * have); a run of missing events is `from`..`to`.
 */
export type ChainProblem =
  | { code: 'not-a-list' | 'empty' }
  | { code: 'bad-record'; seq: number }
  | { code: 'events-missing'; seq: number; from: number; to: number }
  | { code: 'seq-out-of-order'; seq: number; found: number }
  | { code: 'other-case'; seq: number }
  | { code: 'not-opened-first'; seq: 0; kind: string }
  | { code: 'opened-again'; seq: number }
  | { code: 'prev-mismatch'; seq: number }
  | { code: 'altered'; seq: number }
  /** The case document names events after the last stored one: `to` is null when it is not known how many. */
  | { code: 'events-missing-at-end'; from: number; to: number | null }
  | { code: 'document-differs'; differences: DocumentDifference[] };

/**
 * A part of the stored case document that differs from the state its history replays to. Form
 * data is named by form only: the values may be a victim's data.
 */
export type DocumentDifference =
  | { part: 'seq'; stored: unknown; replayed: number }
  | { part: 'head'; stored: unknown; replayed: string }
  | { part: 'stage'; stored: unknown; replayed: StateValue }
  | { part: 'status'; stored: unknown; replayed: CaseState['status'] }
  | { part: 'data'; form: string }
  | { part: 'protocol' | 'country' | 'id' | 'profile' | 'deadlines' | 'timers' | 'openedAt' | 'updatedAt' };
