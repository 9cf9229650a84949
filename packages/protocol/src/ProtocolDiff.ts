import type { Text, TransitionConfig } from './types.js';

/** What differs between two resolved protocol versions (a version and the next, a variant and its base). */
export interface ProtocolDiff {
  from: { id: string; version: number };
  to: { id: string; version: number };
  /** Protocol-wide properties that differ. */
  protocol: ProtocolChangeKind[];
  states: {
    added: StateRef[];
    removed: StateRef[];
    changed: (StateRef & { changes: StateChangeKind[] })[];
  };
  transitions: {
    added: TransitionRef[];
    removed: TransitionRef[];
    changed: (TransitionKey & {
      changes: TransitionChangeKind[];
      before: TransitionConfig;
      after: TransitionConfig;
    })[];
  };
  guards: NamedDiff<'logic' | 'description'>;
  events: NamedDiff<'title' | 'description'>;
  /** `from`: where the delay counts from (DeadlineAnchor). */
  delays: NamedDiff<'hours' | 'from'>;
  /** The invariants in force, by id. */
  invariants: NamedDiff<'definition'>;
  forms: {
    added: string[];
    removed: string[];
    changed: FormDiff[];
  };
}

export type ProtocolChangeKind =
  'title' | 'description' | 'jurisdiction' | 'population' | 'base' | 'profile' | 'initial';

/** A state by its dotted path, with its title (from the version that has it; the newer when both). */
export interface StateRef {
  path: string;
  title: Text;
}

export type StateChangeKind =
  | 'title'
  | 'description'
  | 'form'
  | 'roles'
  | 'deadline'
  | 'legal'
  | 'institution'
  | 'handover'
  | 'tags'
  | 'type'
  | 'initial'
  | 'id'
  | 'entry'
  | 'exit';

/**
 * A transition by where it is written: the state it leaves ("" for the machine's own), the
 * event ("after:<delay>" for a delayed one, "done" for onDone) and its place among the
 * candidates for that event.
 */
export interface TransitionKey {
  source: string;
  event: string;
  index: number;
}

export interface TransitionRef extends TransitionKey {
  transition: TransitionConfig;
}

export type TransitionChangeKind = 'target' | 'guard' | 'actions' | 'roles' | 'description';

export interface NamedDiff<K extends string> {
  added: string[];
  removed: string[];
  changed: { name: string; changes: K[] }[];
}

export interface FormDiff {
  id: string;
  /** Form-wide properties that differ; "rules" are the conditions and constraints of the form as a whole. */
  changes: ('title' | 'description' | 'version' | 'uiSchema' | 'examples' | 'rules')[];
  fields: {
    /** Dotted paths; list items are "[]", e.g. "relatives[].name". */
    added: string[];
    removed: string[];
    changed: { path: string; changes: FieldChangeKind[] }[];
  };
}

/**
 * How a field differs: its type, whether it is required, its label or help, its sensitive or
 * shareable marks, the answers it declares a need for international protection, its choices (values or labels), or its other constraints and conditions
 * (format, bounds, pattern, if/then, ...).
 */
export type FieldChangeKind =
  | 'type'
  | 'required'
  | 'label'
  | 'help'
  | 'sensitive'
  | 'shareable'
  | 'protectionNeed'
  | 'enum'
  | 'constraints';
