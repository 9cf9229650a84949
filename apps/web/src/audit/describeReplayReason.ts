import type { ReplayNames } from './replayNames.js';

type T = (key: string, opts?: Record<string, unknown>) => string;

/** A replay reason as the server sends it: a code, the engine's English message, and what the code carries. */
export type ReplayReason = { code: string; message: string } & Record<string, unknown>;

/**
 * A replayed event as the server sends it: besides its verdicts, `expected` (the state recorded)
 * and `actual` (the state replay reached, or where it stood when the event was refused).
 */
export type ReplayRow = object;

/** Reason codes with a sentence of their own; any other code gets a generic one. */
const KNOWN = new Set([
  'different-state',
  'different-effects',
  'hash-mismatch',
  'chain-broken',
  'events-missing',
  'events-missing-at-end',
  'seq-out-of-order',
  'other-case',
  'timer-not-due',
  'event-not-available',
  'guard-failed',
  'form-invalid',
  'role-not-allowed',
  'country-not-allowed',
  'case-closed',
  'bad-input',
  'migration-skipped',
  'migration-not-allowed',
  'not-replayed',
  'protocol-unknown',
  'bad-record',
]);

/** How many of the steps possible at a stage a reason lists before "…". */
const MAX_LISTED = 4;

/**
 * Why an event of a replay diverges, for an auditor, wholly in the page's language: stages,
 * steps, forms and fields by their titles in the protocol, never the engine's English message
 * or raw state values.
 *
 * @example
 *   describeReplayReason({ code: 'different-state', message: '…' },
 *     { expected: { identification: 'verification' }, actual: { identification: 'protection' } }, t, names)
 *   // "lleva a «Protección» y no a «Verificación», la etapa registrada"
 */
export function describeReplayReason(
  r: ReplayReason,
  row: ReplayRow,
  t: T,
  names: ReplayNames,
  /** An ISO 8601 instant as the reader reads it. */
  formatDate: (iso: string) => string = (iso) => iso,
): string {
  const recorded = 'expected' in row ? row.expected : undefined;
  const replayed = 'actual' in row ? row.actual : undefined;
  const generic = () => t(KNOWN.has(r.code) ? `audit.reason.${r.code}` : 'audit.reason.other');
  switch (r.code) {
    case 'different-state': {
      const actual = names.stage(replayed);
      const expected = names.stage(recorded);
      return actual && expected ? t('audit.reasonDetail.differentState', { actual, expected }) : generic();
    }
    case 'event-not-available': {
      const event = typeof r.event === 'string' ? names.event(r.event) : '';
      const stage = names.stage(replayed);
      if (!event || !stage) return generic();
      const available = Array.isArray(r.available)
        ? r.available
            .filter((e): e is string => typeof e === 'string')
            .map((e) => t('audit.reasonDetail.quoted', { text: names.event(e) }))
        : [];
      const shown = available.slice(0, MAX_LISTED).join(', ') + (available.length > MAX_LISTED ? ', …' : '');
      return available.length > 0
        ? t('audit.reasonDetail.notAvailableThere', { event, stage, available: shown })
        : t('audit.reasonDetail.notAvailable', { event, stage });
    }
    case 'guard-failed': {
      const condition =
        (isText(r.description) ? names.text(r.description) : '') ||
        (typeof r.guard === 'string' ? r.guard : '');
      return condition ? t('audit.reasonDetail.guardFailed', { condition }) : generic();
    }
    case 'form-invalid':
      return formInvalid(r, t, names) ?? generic();
    case 'role-not-allowed': {
      if (typeof r.role !== 'string') return generic();
      const role = t(`roles.${r.role}`, { defaultValue: r.role });
      const allowed = Array.isArray(r.allowed)
        ? r.allowed
            .filter((a): a is string => typeof a === 'string')
            .map((a) => t(`roles.${a}`, { defaultValue: a }))
            .join(', ')
        : '';
      return allowed ? t('audit.reasonDetail.roleNotAllowed', { role, allowed }) : generic();
    }
    case 'country-not-allowed': {
      if (typeof r.country !== 'string' || typeof r.caseCountry !== 'string') return generic();
      return t('audit.reasonDetail.countryNotAllowed', {
        country: t(`countries.${r.country}`, { defaultValue: r.country }),
        caseCountry: t(`countries.${r.caseCountry}`, { defaultValue: r.caseCountry }),
      });
    }
    case 'events-missing': {
      if (!isSeq(r.from) || !isSeq(r.to)) return generic();
      return r.from === r.to
        ? t('audit.reasonDetail.eventsMissing', { from: r.from })
        : t('audit.reasonDetail.eventsMissingRange', { from: r.from, to: r.to });
    }
    case 'events-missing-at-end': {
      if (!isSeq(r.from) || !isSeq(r.to)) return generic();
      return r.from === r.to
        ? t('audit.reasonDetail.missingAtEnd', { from: r.from })
        : t('audit.reasonDetail.missingAtEndRange', { from: r.from, to: r.to });
    }
    case 'migration-not-allowed': {
      if (r.rule === 'not-newer') return t('audit.reasonDetail.migrationNotNewer');
      if (r.rule === 'final-state') return t('audit.reasonDetail.migrationCloses');
      const stage = typeof r.state === 'string' ? names.stage(pathValue(r.state)) : '';
      const invariant = isText(r.description) ? names.text(r.description) : '';
      return r.rule === 'invariant' && stage && invariant
        ? t('audit.reasonDetail.migrationSkipsSteps', { stage, invariant })
        : generic();
    }
    case 'timer-not-due': {
      if (typeof r.dueAt !== 'string' || typeof r.at !== 'string') return generic();
      return t('audit.reasonDetail.timerNotDue', { dueAt: formatDate(r.dueAt), at: formatDate(r.at) });
    }
    default:
      return generic();
  }
}

/** The state value that makes a dotted state path active ("a.b" -> {a: "b"}). */
function pathValue(path: string): unknown {
  const keys = path.split('.');
  return keys.slice(0, -1).reduceRight<unknown>((inner, key) => ({ [key]: inner }), keys[keys.length - 1]);
}

function isSeq(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/** A form error by the form's title and the field's label, where the protocols know them. */
function formInvalid(r: ReplayReason, t: T, names: ReplayNames): string | null {
  if (typeof r.form !== 'string') return null;
  const form = names.form(r.form);
  const keyword = typeof r.keyword === 'string' ? r.keyword : '';
  const path = typeof r.path === 'string' ? r.path : '';
  // The engine's codes for a form missing altogether, or missing from the protocol.
  if (keyword === 'form') return t('audit.reasonDetail.formNotInProtocol', { form });
  const field = names.field(r.form, path, keyword, r.message);
  if (keyword === 'required' && field === null && (path === '/' || path === ''))
    return t('audit.reasonDetail.formMissing', { form });
  if (field === null) return t('audit.reasonDetail.formInvalid', { form });
  if (keyword === 'required') return t('audit.reasonDetail.fieldMissing', { field, form });
  if (keyword === 'additionalProperties') return t('audit.reasonDetail.fieldUnknown', { field, form });
  return t('audit.reasonDetail.fieldInvalid', { field, form });
}

function isText(v: unknown): v is { es: string; en: string } {
  return typeof v === 'object' && v !== null && 'es' in v && typeof v.es === 'string';
}
