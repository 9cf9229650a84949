import type { Actor, Effect, EventKind } from './types.js';

/** The parts of a step's event record, each with its canonical JSON text where it is known. */
export interface RecordParts {
  actor: Actor;
  at: string;
  caseId: string;
  /** Canonical JSON of the submitted data, if any. */
  dataText: string | undefined;
  effects: Effect[];
  /** Canonical JSON of the state value before and after (a configuration's key). */
  fromText: string;
  id: string;
  kind: EventKind;
  prev: string;
  /** Canonical JSON of the protocol reference. */
  protocolText: string;
  seq: number;
  toText: string;
  type: string;
}

/**
 * The canonical JSON (RFC 8785) of a step's event record without its hash, written directly
 * from parts whose canonical text is already known: the same text canonicalJson gives for the
 * record (a property test checks this), without walking the data or the state values again.
 * Keys appear in code-unit order: actor, at, caseId, data, effects, from, id, kind, prev,
 * protocol, seq, to, type.
 */
export function recordText(p: RecordParts): string {
  const q = jsonString;
  return (
    `{"actor":{"country":${q(p.actor.country)},"role":${q(p.actor.role)},"userId":${q(p.actor.userId)}}` +
    `,"at":${q(p.at)},"caseId":${q(p.caseId)}` +
    (p.dataText === undefined ? '' : `,"data":${p.dataText}`) +
    `,"effects":${p.effects.length === 0 ? '[]' : effectsText(p.effects)}` +
    `,"from":${p.fromText},"id":${q(p.id)},"kind":${q(p.kind)},"prev":${q(p.prev)}` +
    `,"protocol":${p.protocolText},"seq":${p.seq},"to":${p.toText},"type":${q(p.type)}}`
  );
}

/** Canonical JSON of effects as the engine builds them. */
export function effectsText(effects: Effect[]): string {
  const q = jsonString;
  return `[${effects
    .map((e) =>
      e.type === 'notifyFocalPoint'
        ? `{"country":${q(e.country)},"reason":{"en":${q(e.reason.en)},"es":${q(e.reason.es)}},"type":"notifyFocalPoint"}`
        : `{"country":${q(e.country)},"protocol":${q(e.protocol)},"relation":${q(e.relation)},"type":"openLinkedCase"}`,
    )
    .join(',')}]`;
}

/** The keys of a step's record in the order the engine writes them (so they come back from storage). */
const USUAL_ORDER = [
  'caseId',
  'seq',
  'id',
  'kind',
  'type',
  'at',
  'actor',
  'data',
  'from',
  'to',
  'protocol',
  'effects',
  'prev',
  'hash',
];

/** Every key a step's or an opening's record may have ("country": the opening's). */
const RECORD_KEYS: ReadonlySet<string> = new Set([...USUAL_ORDER, 'country']);

/** The same without "data": a step that records no form. */
const USUAL_ORDER_NO_DATA = USUAL_ORDER.filter((key) => key !== 'data');

/** Whether `keys` are the usual ones in their usual order: then no set lookups are needed. */
function inUsualOrder(keys: string[]): boolean {
  const usual = keys.length === USUAL_ORDER.length ? USUAL_ORDER : USUAL_ORDER_NO_DATA;
  if (keys.length !== usual.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== usual[i]) return false;
  return true;
}

/** Canonical JSON texts of parts of a stored record that the caller already knows. */
export interface KnownTexts {
  dataText?: string;
  fromText?: string;
  toText?: string;
  protocolText?: string;
  effectsText?: string;
}

/**
 * The canonical JSON (without `hash`) of a stored event record of the usual shape, written from
 * its parts like recordText, using the texts already known; or null when the record has another
 * shape (a migration, an unknown key), which canonicalJson must then serialise whole.
 */
export function storedRecordText(
  e: Record<string, unknown>,
  known: KnownTexts,
  canonical: (v: unknown) => string,
): string | null {
  const keys = Object.keys(e);
  if (!inUsualOrder(keys)) for (let i = 0; i < keys.length; i++) if (!RECORD_KEYS.has(keys[i]!)) return null;
  const { actor, seq, country } = e;
  if (
    typeof actor !== 'object' ||
    actor === null ||
    Array.isArray(actor) ||
    Object.getPrototypeOf(actor) !== Object.prototype
  )
    return null;
  const a = actor as Record<string, unknown>;
  if (
    Object.keys(a).length !== 3 ||
    typeof a.userId !== 'string' ||
    typeof a.role !== 'string' ||
    typeof a.country !== 'string'
  )
    return null;
  if (
    typeof e.caseId !== 'string' ||
    typeof e.id !== 'string' ||
    typeof e.kind !== 'string' ||
    typeof e.type !== 'string' ||
    typeof e.at !== 'string' ||
    typeof e.prev !== 'string'
  ) {
    return null;
  }
  if (country !== undefined && typeof country !== 'string') return null;
  if (
    typeof seq !== 'number' ||
    !Number.isFinite(seq) ||
    !Array.isArray(e.effects) ||
    e.from === undefined ||
    e.to === undefined ||
    e.protocol === undefined
  )
    return null;
  const q = jsonString;
  return (
    `{"actor":{"country":${q(a.country)},"role":${q(a.role)},"userId":${q(a.userId)}}` +
    `,"at":${q(e.at)},"caseId":${q(e.caseId)}` +
    (country === undefined ? '' : `,"country":${q(country)}`) +
    (e.data === undefined ? '' : `,"data":${known.dataText ?? canonical(e.data)}`) +
    `,"effects":${e.effects.length === 0 ? '[]' : (known.effectsText ?? canonical(e.effects))}` +
    `,"from":${known.fromText ?? canonical(e.from)},"id":${q(e.id)},"kind":${q(e.kind)},"prev":${q(e.prev)}` +
    // A finite number: ECMAScript's text for it is RFC 8785's (and -0 is written 0).
    `,"protocol":${known.protocolText ?? canonical(e.protocol)},"seq":${JSON.stringify(seq)},"to":${known.toText ?? canonical(e.to)},"type":${q(e.type)}}`
  );
}

/** Printable ASCII but the quote and the backslash: characters JSON writes as they are. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * JSON.stringify of a string: the string in quotes when it has nothing to escape (ids, times,
 * roles, hashes), which is twice as fast to write; JSON.stringify itself otherwise.
 */
function jsonString(text: string): string {
  return PLAIN.test(text) ? `"${text}"` : JSON.stringify(text);
}
