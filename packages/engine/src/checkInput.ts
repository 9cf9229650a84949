import { COUNTRIES, FORBIDDEN_KEYS as FORBIDDEN, MAX_JSON_DEPTH, ROLES, type Country } from '@ruta/protocol';
import { shown } from './shown.js';
import { CanonicalJsonError, canonicalChecked, canonicalCopy, utf8Length } from './canonicalJson.js';
import type { CompiledProtocol } from './compileProtocol.js';
import { parseInstant } from './instant.js';
import type { Actor, CaseState, Rejection } from './types.js';

/** Largest form submission accepted, in bytes of canonical JSON. */
export const MAX_DATA_BYTES = 256 * 1024;

const ROLE_SET = new Set<string>([...ROLES, 'system']);
const COUNTRY_SET = new Set<string>(COUNTRIES);

export function isCountry(v: unknown): v is Country {
  return typeof v === 'string' && COUNTRY_SET.has(v);
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Reasons an actor is malformed (empty when it is well formed). */
export function checkActor(actor: unknown, where = 'actor'): Rejection[] {
  if (!isPlainObject(actor))
    return [badInput(`${where} must be an object {userId, role, country}`, `/${where}`)];
  const out: Rejection[] = [];
  if (typeof actor.userId !== 'string' || actor.userId === '')
    out.push(badInput(`${where}.userId must be a non-empty string`, `/${where}/userId`));
  if (typeof actor.role !== 'string' || !ROLE_SET.has(actor.role)) {
    out.push(badInput(`${where}.role must be one of ${[...ROLE_SET].join(', ')}`, `/${where}/role`));
  }
  if (actor.country !== 'REGIONAL' && !isCountry(actor.country)) {
    out.push(
      badInput(`${where}.country must be REGIONAL or one of ${COUNTRIES.join(', ')}`, `/${where}/country`),
    );
  }
  return out;
}

/** The actor's identity as recorded: exactly the three contract fields, nothing the caller added. */
export function recordedActor(actor: Actor): Actor {
  return { userId: actor.userId, role: actor.role, country: actor.country };
}

/** Reasons a case object cannot be stepped under `compiled` (empty when it can). */
export function checkCase(compiled: CompiledProtocol, c: unknown): Rejection[] {
  if (!isPlainObject(c)) return [badInput('the case must be a CaseState object', '/case')];
  const out: Rejection[] = [];
  const p = c.protocol as Partial<CaseState['protocol']> | undefined;
  const ref = compiled.ref;
  if (
    !isPlainObject(p) ||
    p.id !== ref.id ||
    p.version !== ref.version ||
    p.jurisdiction !== ref.jurisdiction
  ) {
    const has = isPlainObject(p)
      ? `${shown(p.id)}@${shown(p.version)} (${shown(p.jurisdiction)})`
      : 'no protocol';
    out.push(
      badInput(
        `the case runs under ${has}, not ${ref.id}@${ref.version} (${ref.jurisdiction}): compile the version the case runs under`,
        '/case/protocol',
      ),
    );
  }
  if (typeof c.id !== 'string' || c.id === '')
    out.push(badInput('case.id must be a non-empty string', '/case/id'));
  if (!isCountry(c.country))
    out.push(badInput(`case.country must be one of ${COUNTRIES.join(', ')}`, '/case/country'));
  if (c.status !== 'active' && c.status !== 'closed')
    out.push(badInput('case.status must be "active" or "closed"', '/case/status'));
  if (!isPlainObject(c.data))
    out.push(badInput('case.data must be an object keyed by form id', '/case/data'));
  if (!isPlainObject(c.profile)) out.push(badInput('case.profile must be an object', '/case/profile'));
  if (!Array.isArray(c.deadlines)) out.push(badInput('case.deadlines must be a list', '/case/deadlines'));
  if (!Array.isArray(c.timers)) out.push(badInput('case.timers must be a list', '/case/timers'));
  if (typeof c.seq !== 'number' || !Number.isInteger(c.seq) || c.seq < 0)
    out.push(badInput('case.seq must be an integer >= 0', '/case/seq'));
  if (typeof c.head !== 'string')
    out.push(badInput('case.head must be the hash of the last event', '/case/head'));
  return out;
}

export type CheckedData =
  | { ok: true; present: false }
  | { ok: true; present: true; canonical: string; copy: Record<string, unknown> }
  | { ok: false; reasons: Rejection[] };

/** Keys refused anywhere in submitted data: they could reach an object's prototype. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(FORBIDDEN);

/**
 * Checks submitted form data before anything reads it: an object of JSON values, no
 * prototype-polluting keys, at most MAX_DATA_BYTES of canonical JSON. On success gives the
 * canonical text and a deep copy that the case and the event record share (the caller's object
 * is never stored). One pass over the data. `copy: false` (replay, which keeps nothing) checks
 * without copying; `copy` is then `data`.
 */
export function checkData(data: unknown, options: { copy?: boolean } = {}): CheckedData {
  if (data === undefined) return { ok: true, present: false };
  if (!isPlainObject(data)) {
    const got = data === null ? 'null' : Array.isArray(data) ? 'a list' : `a ${typeof data}`;
    return {
      ok: false,
      reasons: [badInput(`form data must be an object of field values, not ${got}`, '/data')],
    };
  }
  let canonical: string;
  let copy: unknown;
  try {
    if (options.copy === false) {
      canonical = canonicalChecked(data, FORBIDDEN_KEYS);
      copy = data;
    } else ({ text: canonical, copy } = canonicalCopy(data, FORBIDDEN_KEYS));
  } catch (err) {
    if (!(err instanceof CanonicalJsonError)) throw err;
    const message =
      err.reason === 'forbidden-key'
        ? `form data may not contain the key at ${err.pointer}: __proto__, constructor and prototype are refused; rename the field`
        : err.reason === 'too-deep'
          ? `form data is nested too deeply at ${err.pointer}: at most ${MAX_JSON_DEPTH} levels`
          : `form data must be plain JSON: ${err.message}`;
    return { ok: false, reasons: [badInput(message, `/data${err.pointer}`)] };
  }
  // A UTF-8 character takes 1 to 3 bytes per UTF-16 unit, so most sizes are decided without counting.
  if (
    canonical.length > MAX_DATA_BYTES ||
    (canonical.length * 3 > MAX_DATA_BYTES && utf8Length(canonical) > MAX_DATA_BYTES)
  ) {
    return {
      ok: false,
      reasons: [
        badInput(
          `form data is ${utf8Length(canonical)} bytes of JSON; the limit is ${MAX_DATA_BYTES} (256 KiB): attach large files elsewhere and record a reference`,
          '/data',
        ),
      ],
    };
  }
  const record = copy as Record<string, unknown>;
  return { ok: true, present: true, canonical, copy: record };
}

/** Reasons the injected clock's time is unusable (empty when it is an ISO 8601 instant). */
export function checkInstant(at: unknown, what: string): Rejection[] {
  return instantMs(at) === null
    ? [
        badInput(
          `${what} gave ${JSON.stringify(at)}, not an ISO 8601 instant such as 2025-01-31T09:00:00.000Z`,
        ),
      ]
    : [];
}

/** Milliseconds since the epoch of an ISO 8601 instant, or null. */
export function instantMs(at: unknown): number | null {
  return typeof at === 'string' ? parseInstant(at) : null;
}

export function checkId(id: unknown, what: string): Rejection[] {
  if (typeof id === 'string' && id !== '') return [];
  return [badInput(`${what} gave ${JSON.stringify(id)}, not a non-empty string id`)];
}

export function badInput(message: string, path?: string): Rejection {
  return path === undefined ? { code: 'bad-input', message } : { code: 'bad-input', message, path };
}
