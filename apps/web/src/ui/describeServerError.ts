import type { ApiError } from '../api/ApiError.js';

type T = (key: string, opts?: Record<string, unknown>) => string;

/** What zod says is wrong with a field, as the server passes it on in `invalid-input` details. */
const ISSUES = new Set([
  'invalid_type',
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_value',
  'unrecognized_keys',
]);

/** Keys under `serverErrors` that are not error codes. */
const NOT_CODES = new Set(['fields', 'issue']);

/**
 * The server's refusal said in the user's language from its `code` and `details`
 * (texts in i18n `serverErrors`, one per code of apps/server/src/errors.ts), or null when the
 * code has no text, so the caller can fall back to something general.
 *
 * @example describeServerError(new ApiError(409, 'username-unavailable', '…', [{ username: 'ana.gt' }]), t)
 *   // → 'El nombre de usuario «ana.gt» no está disponible: elija otro.'
 */
export function describeServerError(error: ApiError, t: T): string | null {
  if (NOT_CODES.has(error.code)) return null;
  const detail = firstRecord(error.details);
  const params =
    error.code === 'invalid-input' ? { problems: fieldProblems(error.details, t) } : namedParams(detail, t);
  // i18next context: forbidden_role, not-found_case…, else the code's general text
  const context =
    error.code === 'forbidden'
      ? detail.rule
      : error.code === 'not-found'
        ? detail.what
        : error.code === 'handover-stage' &&
            Array.isArray(detail.handoverStages) &&
            detail.handoverStages.length === 0
          ? 'none'
          : undefined;
  const text = t(`serverErrors.${error.code}`, {
    ...params,
    ...(typeof context === 'string' ? { context } : {}),
    defaultValue: '',
  });
  return text === '' ? null : text;
}

function firstRecord(details: unknown[]): Record<string, unknown> {
  const d = details[0];
  return typeof d === 'object' && d !== null && !Array.isArray(d) ? (d as Record<string, unknown>) : {};
}

/** A detail's values, with countries and roles named in the user's language. */
function namedParams(detail: Record<string, unknown>, t: T): Record<string, unknown> {
  const names = (kind: 'countries' | 'roles', v: unknown) =>
    typeof v === 'string' ? t(`${kind}.${v}`, { defaultValue: v }) : undefined;
  const list = (kind: 'countries' | 'roles', v: unknown) =>
    Array.isArray(v) ? v.map((x) => names(kind, x) ?? String(x)) : undefined;
  return {
    ...detail,
    countryName: names('countries', detail.country),
    jurisdictionName: names('countries', detail.jurisdiction),
    jurisdictionNames: list('countries', detail.jurisdictions),
    roleName: names('roles', detail.role),
    allowed: list('roles', detail.allowed),
    ...stageTitles(detail),
  };
}

/** The stage a handover was refused at, and those that allow one, in each language (handover-stage). */
function stageTitles(detail: Record<string, unknown>): Record<string, unknown> {
  const text = (v: unknown): { es: string; en: string } | undefined =>
    typeof v === 'object' && v !== null && typeof (v as { es?: unknown }).es === 'string'
      ? (v as { es: string; en: string })
      : undefined;
  const stage = text(detail.stageTitle);
  const allowed = Array.isArray(detail.handoverStages)
    ? detail.handoverStages.flatMap((s: unknown) => {
        const t = text(typeof s === 'object' && s !== null ? (s as { title?: unknown }).title : undefined);
        return t ? [t] : [];
      })
    : [];
  if (!stage) return {};
  const quoted = (lang: 'es' | 'en') =>
    allowed.map((t) => (lang === 'es' ? `«${t.es}»` : `“${t.en}”`)).join(', ');
  return { stageTitles: stage, handoverStageTitles: { es: quoted('es'), en: quoted('en') } };
}

/** One phrase per wrong field of a request the server's validation refused. */
function fieldProblems(details: unknown[], t: T): string[] {
  return details.flatMap((d) => {
    if (typeof d !== 'object' || d === null) return [];
    const { in: where, path, issue, minimum, maximum } = d as Record<string, unknown>;
    const fullPath = typeof path === 'string' ? path : '';
    const name = fullPath.split('.').pop() || (typeof where === 'string' ? where : '');
    const field = t(`serverErrors.fields.${name}`, { defaultValue: fullPath || name });
    const code = typeof issue === 'string' && ISSUES.has(issue) ? issue : 'other';
    const count = issue === 'too_small' ? minimum : issue === 'too_big' ? maximum : undefined;
    return [t(`serverErrors.issue.${code}`, { field, ...(typeof count === 'number' ? { count } : {}) })];
  });
}
