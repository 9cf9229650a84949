/**
 * The protocol format: what a file in workflows/ or forms/ holds, and what a resolved
 * (complete, self-contained) protocol version looks like. Everything here is plain JSON
 * data; the JSON Schemas in ../schema describe the same shapes for editors and CI.
 */

export const LANGS = ['es', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in every language the product ships. Spanish first, English complete. */
export interface Text {
  es: string;
  en: string;
}

export const ROLES = ['designer', 'caseworker', 'supervisor', 'auditor', 'focalpoint', 'admin'] as const;
export type Role = (typeof ROLES)[number];
/** Roles a regional (not national) account may hold: the others work on one country's cases. */
export const REGIONAL_ROLES: readonly Role[] = ['designer', 'auditor', 'admin'];

/**
 * Countries of the regional coalition and the wider migration conference (ISO 3166-1 alpha-2).
 * BZ Belize, CR Costa Rica, DO Dominican Republic, SV El Salvador, GT Guatemala, HN Honduras,
 * MX Mexico, NI Nicaragua, PA Panama, CA Canada, US United States.
 */
export const COUNTRIES = ['BZ', 'CR', 'DO', 'SV', 'GT', 'HN', 'MX', 'NI', 'PA', 'CA', 'US'] as const;
export type Country = (typeof COUNTRIES)[number];
export type Jurisdiction = 'REGIONAL' | Country;

/** A JSON Logic expression (https://jsonlogic.com): data, never code. */
export type JsonLogic = boolean | number | string | null | JsonLogic[] | { [op: string]: JsonLogic };

/** A citation of the seed clause a state or transition implements, e.g. seed "004", clause "B.3". */
export interface LegalRef {
  seed: '000' | '001' | '002' | '003' | '004';
  clause: string;
  /** National law a variant adds, e.g. "Ley VET (Decreto 9-2009) art. 11". */
  law?: string;
  note?: Text;
}

export interface Duration {
  hours: number;
}

/**
 * Where a deadline or a delay counts from, when not from the step that starts it: a date-time
 * field of a form recorded earlier, written `<form id>.<field>` as the case stores it (what a guard
 * reads as `case.<form id>.<field>`), e.g. "cr-detection.detectedAt". Nested sections are dotted
 * ("cr-detection.place.foundAt"); a field inside a list cannot anchor.
 */
export interface DeadlineAnchor {
  field: string;
}

/**
 * A span of hours that may count from a recorded event instead of the step: due `hours` after
 * the instant the anchor field holds, when the case records it, else `hours` after the step (and
 * never later than that).
 */
export interface AnchoredDuration extends Duration {
  from?: DeadlineAnchor;
}

/**
 * A span of hours as a national variant sets it: without `from` it keeps the anchor of the
 * base's deadline or delay it replaces; `from: null` counts from the step again, dropping it.
 * @example { hours: 48, from: null } // 48 hours after the step, whatever the base counted from
 */
export interface VariantDuration extends Duration {
  from?: DeadlineAnchor | null;
}

/** A variant's change to a state's metadata: the keys it gives, its deadline as VariantDuration. */
export type StateMetaPatch = Partial<Omit<StateMeta, 'deadline'>> & { deadline?: VariantDuration };

// ---------------------------------------------------------------------------------------------
// Actions: a fixed vocabulary, declared as data on transitions and on state entry/exit.

export type ActionConfig =
  /** Store the submitted form data in the case under the form's id (params.form, else the source state's form). */
  | { type: 'recordForm'; params?: { form?: string } }
  /** Start a named deadline on the case, due `hours` after the step (or after `from`, see AnchoredDuration). */
  | { type: 'setDeadline'; params: { name: string; hours: number; title: Text; from?: DeadlineAnchor } }
  | { type: 'clearDeadline'; params: { name: string } }
  /** Tell the focal point (liaison, seed 003 §9.3) of a country about this case. */
  | { type: 'notifyFocalPoint'; params: { country: CountryRef; reason: Text } }
  /** Open a case linked to this one, under another protocol, in the country named. */
  | {
      type: 'openLinkedCase';
      params: { protocol: string; country: CountryRef; relation: 'referral' | 'handover' };
    };
export type ActionType = ActionConfig['type'];
export const ACTION_TYPES: readonly ActionType[] = [
  'recordForm',
  'setDeadline',
  'clearDeadline',
  'notifyFocalPoint',
  'openLinkedCase',
];

/**
 * Which country an action means: the case's own country, the victim's country of origin
 * (from the case profile), or a fixed country.
 */
export type CountryRef = 'case' | 'origin' | Country;

// ---------------------------------------------------------------------------------------------
// The statechart: XState v5 JSON config with Ruta metadata.

export interface TransitionConfig {
  /**
   * Target state, as XState resolves it: a sibling key ("riskAssessment"), a child (".shelter"),
   * or an absolute reference from the machine root ("#child-repatriation.decision.return").
   */
  target?: string;
  /** Name of a guard in the protocol's `guards` map. */
  guard?: string;
  actions?: ActionConfig[];
  /** Roles allowed to take this transition; defaults to the source state's roles. */
  roles?: Role[];
  description?: Text;
}
export type TransitionsConfig = TransitionConfig | TransitionConfig[];

export interface StateMeta {
  title: Text;
  description?: Text;
  /** Id of the form a case worker fills in this state. */
  form?: string;
  /** Roles allowed to act (send events) in this state. */
  roles?: Role[];
  /**
   * The step must be done within this many hours of entering the state, or of the instant its
   * `from` field records (e.g. the detection: the 24-hour alert counts from it).
   */
  deadline?: AnchoredDuration;
  /** The seed clauses (and, in variants, national law) this state implements. */
  legal: LegalRef[];
  /** The institution that acts at this step, e.g. {es: "PGN", en: "Attorney General (PGN)"}. */
  institution?: Text;
  /**
   * A case in this state (or in any state inside it) may be handed over by hand to another
   * country; in every other state the server refuses it. `legal` cites the clauses that allow the
   * person's data to cross a border at this point (e.g. seed 004 §F.3, seed 003 §9.3).
   */
  handover?: HandoverPermission;
}

/** Where a manual handover is allowed, and why: the clauses that allow it. */
export interface HandoverPermission {
  legal: LegalRef[];
  note?: Text;
}

export interface StateConfig {
  type?: 'atomic' | 'compound' | 'parallel' | 'final';
  initial?: string;
  /** Explicit id, to be targeted as "#id". */
  id?: string;
  states?: Record<string, StateConfig>;
  on?: Record<string, TransitionsConfig>;
  /** Delayed transitions, keyed by the name of a delay in the protocol's `delays`. */
  after?: Record<string, TransitionsConfig>;
  /** Taken when every region of a parallel state (or the child of a compound) is final. */
  onDone?: TransitionsConfig;
  entry?: ActionConfig[];
  exit?: ActionConfig[];
  /**
   * Tags the invariants speak of: "consent", "best-interest", "risk-assessment", "travel",
   * "return", "closure", "protection", "regularisation", ...
   */
  tags?: string[];
  meta: StateMeta;
}

export interface MachineConfig {
  /** Equal to the protocol id. */
  id: string;
  initial: string;
  states: Record<string, StateConfig>;
  /** Transitions available in every state (e.g. a withdrawal of consent). */
  on?: Record<string, TransitionsConfig>;
}

/** The label and help of an event, shown on the action button that sends it. */
export interface EventDefinition {
  title: Text;
  description?: Text;
}

// ---------------------------------------------------------------------------------------------
// Invariants: properties of every path through the statechart, checked statically.

/** Matches states by tag. */
export interface StateSelector {
  tag: string;
}

export type Invariant =
  /**
   * Every path from the initial state to a state matching `target` passes, before it, through
   * a state matching each entry of `requires` (an entry that is a list is satisfied by any one).
   */
  | {
      id: string;
      kind: 'mustPassBefore';
      target: StateSelector;
      requires: (StateSelector | StateSelector[])[];
      description: Text;
    }
  /**
   * From every state reachable before a state matching `until` is entered, `event` is
   * available (e.g. withdrawal of consent is possible from every state before travel).
   */
  | {
      id: string;
      kind: 'availableUntil';
      event: string;
      until: StateSelector;
      description: Text;
    };

/** Who the protocol is for: the regional invariants that apply depend on it. */
export type Population = 'child' | 'adult' | 'any';

/**
 * The anonymised profile of a case, for statistics (seed 003 §6.9-6.10, seed 002 #22):
 * each field a JSON Logic expression over `{ case: caseData }`.
 */
export interface ProfileMapping {
  originCountry?: JsonLogic;
  sex?: JsonLogic;
  ageGroup?: JsonLogic;
  exploitation?: JsonLogic;
}

/** workflows/invariants.json: the regional invariants, each for the populations it applies to. */
export interface InvariantsFile {
  $schema?: string;
  kind: 'invariants';
  invariants: (Invariant & { appliesTo: Population[] })[];
}

/** A protocol version as written in workflows/ (forms referenced by id, not embedded). */
export interface ProtocolFile {
  $schema?: string;
  kind: 'protocol';
  id: string;
  version: number;
  jurisdiction: Jurisdiction;
  title: Text;
  description?: Text;
  population: Population;
  /** Ids of shared invariants (workflows/invariants.json) this protocol must satisfy, beyond those for its population. */
  invariants?: string[];
  /** Invariants of this protocol alone. */
  ownInvariants?: Invariant[];
  events: Record<string, EventDefinition>;
  guards: Record<string, { logic: JsonLogic; description: Text }>;
  /** Delayed transitions' waits; one with `from` fires that long after the instant the field records. */
  delays?: Record<string, AnchoredDuration>;
  profile?: ProfileMapping;
  machine: MachineConfig;
}

/** A complete, self-contained protocol version: what cases run under and auditors replay against. */
export interface ResolvedProtocol extends Omit<ProtocolFile, '$schema'> {
  /** Every form the protocol uses, embedded so the version never changes under a case. */
  forms: Record<string, FormDefinition>;
  /** The invariants in force: shared ones for the population plus listed and own ones. */
  invariantsInForce: Invariant[];
  /** Set when the protocol is a resolved national variant: its base, "id@version". */
  base?: string;
}

// ---------------------------------------------------------------------------------------------
// National variants.

export type VariantChange =
  | { op: 'addState'; path: string; state: StateConfig }
  | { op: 'replaceState'; path: string; state: StateConfig }
  | { op: 'removeState'; path: string }
  /** Adds a transition for `event` from the state at `from` (appended after existing candidates). */
  | { op: 'addTransition'; from: string; event: string; transition: TransitionConfig }
  /** Replaces every transition for `event` from `from`. */
  | { op: 'replaceTransition'; from: string; event: string; transitions: TransitionsConfig }
  | { op: 'removeTransition'; from: string; event: string }
  /**
   * Merges into a state's metadata: institution, deadline, roles, title, legal references, form.
   * A deadline without `from` keeps the anchor of the base's deadline; `from: null` counts from
   * entering the state instead.
   */
  | { op: 'setStateMeta'; path: string; meta: StateMetaPatch }
  | { op: 'removeDeadline'; path: string }
  | { op: 'setGuard'; name: string; guard: { logic: JsonLogic; description: Text } }
  | { op: 'setEvent'; event: string; definition: EventDefinition }
  /** A delay without `from` keeps the anchor of the base's delay of that name; `from: null` drops it. */
  | { op: 'setDelay'; name: string; delay: VariantDuration }
  | { op: 'setTitle'; title: Text; description?: Text }
  | { op: 'addForm'; form: FormDefinition }
  | { op: 'replaceForm'; form: FormDefinition }
  /** Adds a field to a form (a dotted path to nested sections), optionally required. */
  | { op: 'addField'; form: string; field: string; schema: FieldSchema; required?: boolean }
  | { op: 'replaceField'; form: string; field: string; schema: FieldSchema; required?: boolean }
  | { op: 'removeField'; form: string; field: string };

export interface VariantFile {
  $schema?: string;
  kind: 'variant';
  id: string;
  version: number;
  jurisdiction: Country;
  /** The protocol (or variant) this derives from, "id@version". */
  base: string;
  title: Text;
  description?: Text;
  changes: VariantChange[];
}

// ---------------------------------------------------------------------------------------------
// Forms: JSON Schema (draft-07, as react-jsonschema-form uses) plus uiSchema, with Ruta
// annotations on each field.

/**
 * The JSON Schema keywords Ruta's forms use, over a schema type `S` for nested schemas: shared by
 * the authored form (FieldSchema, with Ruta's annotations) and the form as rjsf renders it
 * (LocalizedSchema, with texts in one language).
 */
export interface SchemaKeywords<S> {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';
  properties?: Record<string, S>;
  required?: string[];
  items?: S;
  enum?: (string | number | boolean)[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  pattern?: string;
  additionalProperties?: boolean;
  default?: unknown;
  const?: unknown;
  /** Conditional requirement and visibility, as JSON Schema and rjsf read them. */
  if?: S;
  then?: S;
  else?: S;
  allOf?: S[];
  dependencies?: Record<string, S | string[]>;
}

export interface FieldSchema extends SchemaKeywords<FieldSchema> {
  /** Label of the field in every language. */
  'x-label'?: Text;
  'x-help'?: Text;
  /** Labels of the choices of an `enum`, in the same order. */
  'x-enumLabels'?: Text[];
  /** Identifying or intimate data: hidden until revealed with a stated reason. */
  'x-sensitive'?: boolean;
  /** May cross a border in a handover packet (seed 004 §F.2: only what the receiver needs). */
  'x-shareable'?: boolean;
  /**
   * The answers of this choice field that mean the person fears persecution or seeks
   * international protection (e.g. "withheld-protection-need"): a case that records one is not
   * handed over to the country of origin. A national variant may add answers, never remove one.
   */
  'x-protectionNeed'?: (string | number | boolean)[];
  /**
   * A date (or date and time) of something that happened: not later than the moment the step
   * is recorded. Read on the form's top-level fields of format date or date-time.
   */
  'x-past'?: boolean;
}

export interface FormDefinition {
  $schema?: string;
  kind: 'form';
  id: string;
  version: number;
  title: Text;
  description?: Text;
  schema: FieldSchema & { type: 'object' };
  uiSchema?: Record<string, unknown>;
  /**
   * Valid sample submissions, one per meaningful branch (e.g. one with decision "return", one
   * with "stay"): used by tests that walk every path, by the simulator and by Storybook.
   */
  examples?: Record<string, unknown>[];
}

// ---------------------------------------------------------------------------------------------
// Verification results.

/** What a problem says in one language: what is wrong, and what to do about it. */
export interface ProblemText {
  message: string;
  hint: string;
}

export interface Problem {
  /** Stable machine-readable code, e.g. "unreachable-state", "unknown-guard", "invariant-violated". */
  code: string;
  /** Where: a JSON pointer into the file, and the state path or form field when there is one. */
  location: {
    file?: string;
    pointer: string;
    state?: string;
    form?: string;
    field?: string;
    /** 1-based line and column in the file's text, when known (malformed JSON). */
    line?: number;
    column?: number;
  };
  /** In English: for logs, JSON consumers and tests. */
  message: string;
  /** What to do to fix it, in English. */
  hint: string;
  /** The same message and hint in Spanish, with the same states, names and paths in them. */
  es: ProblemText;
  /**
   * "warning" for things worth a look that do not make the protocol wrong (an unused guard);
   * absent or "error" otherwise. Only errors stop a protocol from verifying.
   */
  severity?: 'error' | 'warning';
}
