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
  const q = JSON.stringify;
  return (
    `{"actor":{"country":${q(p.actor.country)},"role":${q(p.actor.role)},"userId":${q(p.actor.userId)}}` +
    `,"at":${q(p.at)},"caseId":${q(p.caseId)}` +
    (p.dataText === undefined ? '' : `,"data":${p.dataText}`) +
    `,"effects":${p.effects.length === 0 ? '[]' : effectsText(p.effects)}` +
    `,"from":${p.fromText},"id":${q(p.id)},"kind":${q(p.kind)},"prev":${q(p.prev)}` +
    `,"protocol":${p.protocolText},"seq":${p.seq},"to":${p.toText},"type":${q(p.type)}}`
  );
}

function effectsText(effects: Effect[]): string {
  const q = JSON.stringify;
  return `[${effects
    .map((e) =>
      e.type === 'notifyFocalPoint'
        ? `{"country":${q(e.country)},"reason":{"en":${q(e.reason.en)},"es":${q(e.reason.es)}},"type":"notifyFocalPoint"}`
        : `{"country":${q(e.country)},"protocol":${q(e.protocol)},"relation":${q(e.relation)},"type":"openLinkedCase"}`,
    )
    .join(',')}]`;
}
