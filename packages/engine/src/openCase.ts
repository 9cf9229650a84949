import type { Country } from '@ruta/protocol';
import { applyOutcome } from './applyOutcome.js';
import {
  badInput,
  checkActor,
  checkId,
  checkInstant,
  instantMs,
  isCountry,
  isPlainObject,
  recordedActor,
} from './checkInput.js';
import type { CompiledProtocol } from './compileProtocol.js';
import { computeProfile } from './computeProfile.js';
import { hashEvent } from './hashEvent.js';
import { resolveSha256 } from './sha256.js';
import type { Actor, CaseState, EngineDeps, EventRecord, Rejection } from './types.js';

/** Thrown when a case cannot be opened; `reasons` says what to fix. */
export class OpenCaseError extends Error {
  constructor(readonly reasons: Rejection[]) {
    super(`The case cannot be opened: ${reasons.map((r) => r.message).join('; ')}`);
    this.name = 'OpenCaseError';
  }
}

/**
 * Opens a case in the protocol's initial state and gives its first event (seq 0, kind
 * "opened", prev ""). The initial states' deadlines and timers start at deps.clock().
 *
 * @throws OpenCaseError when the id, country, actor or injected deps are not usable, or the actor
 * works in another country.
 */
export function openCase(
  compiled: CompiledProtocol,
  init: { id: string; country: Country; actor: Actor },
  deps: EngineDeps,
  /** @internal replay reuses XState's initial transition, and checks the recorded hash itself. */
  options: { memo?: boolean; seal?: boolean } = {},
): { case: CaseState; event: EventRecord } {
  const at = deps.clock();
  const eventId = deps.ids();
  const reasons: Rejection[] = [...checkInstant(at, 'deps.clock()'), ...checkId(eventId, 'deps.ids()')];
  if (!isPlainObject(init)) throw new OpenCaseError([badInput('give {id, country, actor}')]);
  if (typeof init.id !== 'string' || init.id === '')
    reasons.push(badInput('the case id must be a non-empty string', '/id'));
  if (!isCountry(init.country))
    reasons.push(
      badInput('the case country must be one of the coalition countries (ISO 3166-1 alpha-2)', '/country'),
    );
  reasons.push(...checkActor(init.actor));
  if (reasons.length === 0 && init.actor.country !== 'REGIONAL' && init.actor.country !== init.country) {
    reasons.push({
      code: 'country-not-allowed',
      message: `an actor from ${init.actor.country} cannot open a case run by ${init.country}`,
      country: init.actor.country,
      caseCountry: init.country,
    });
  }
  if (reasons.length > 0) throw new OpenCaseError(reasons);

  const { markers, next } = compiled.runtime.initial(options.memo === true);
  const data = {};
  const applied = applyOutcome(
    compiled,
    { data, profile: computeProfile(compiled, data), deadlines: [], timers: [], country: init.country },
    markers,
    next.done,
    undefined,
    at,
    instantMs(at)!,
  );
  if (!applied.ok) throw new OpenCaseError(applied.reasons);
  const record: Omit<EventRecord, 'hash'> = {
    caseId: init.id,
    seq: 0,
    id: eventId,
    kind: 'opened',
    type: 'case.opened',
    at,
    country: init.country,
    actor: recordedActor(init.actor),
    from: null,
    to: next.value,
    protocol: { ...compiled.ref },
    effects: applied.effects,
    prev: '',
  };
  const hash = options.seal === false ? '' : hashEvent(record, resolveSha256(deps.sha256));
  const c: CaseState = {
    id: init.id,
    protocol: { ...compiled.ref },
    country: init.country,
    value: next.value,
    status: next.done ? 'closed' : 'active',
    ...applied.parts,
    seq: 0,
    head: hash,
    openedAt: at,
    updatedAt: at,
  };
  return { case: c, event: { ...record, hash } };
}
