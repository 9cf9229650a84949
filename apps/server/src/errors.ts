/**
 * Every `code` the server can put in an error body, with its HTTP status and what it means.
 * The constructors below accept only these codes, so a new refusal cannot ship without a line
 * here; the web app's texts per code are tested against this list (apps/web/test), and
 * docs/api.md lists the same codes.
 */
const MEANINGS = {
  // the request cannot be used as sent
  400: {
    'invalid-input':
      'A field of the path, query or body is missing or wrong; details: one {in, path, issue, message, minimum?, maximum?} per problem.',
    'malformed-json': 'The body is not valid JSON; details: [{in, pointer, line, column}].',
    'unsafe-key':
      'A key starting with "$" or named __proto__, constructor or prototype; details: [{in, key?, pointer?}].',
    'incomplete-body': 'The body was cut short.',
    'invalid-utf8':
      'The body is not valid UTF-8; details: [{in, offset}], offset the first bad byte counted from 0.',
    'malformed-body':
      'The body is not valid data of its Content-Encoding (gzip, deflate, br); details: [{in, encoding}].',
    'malformed-url': 'A segment of the URL path is not valid percent-encoding; details: [{in, value}].',
    'bad-request':
      'Another refusal of the HTTP layer, answered with its own 4xx status; details: [{status}].',
    'own-account': 'An administrator tried to disable their own account or change their own role.',
    'own-password':
      'An administrator tried to set their own password as an administrator; their own is changed with POST /api/auth/password, giving the current one.',
    'role-needs-country': 'A country role was given the REGIONAL jurisdiction; details: [{role}].',
    'password-too-short': 'The password is shorter than the minimum; details: [{minimum}].',
    'password-has-username': 'The password contains the user name.',
    'password-too-simple': 'The password is only white space or one character repeated.',
    'wrong-password': 'The current password given to change it is not right.',
    'password-unchanged': 'The new password is the current one.',
    'no-country': 'A regional user tried to open a case; cases belong to a country.',
    'unknown-protocol': 'No published protocol with that id and version; details: [{protocol}].',
    'unknown-form': 'The case’s protocol has no such form; details: [{form}].',
    'unknown-field': 'The form has no such field; details: [{form, field}].',
    'bad-assignee':
      'The assignee is not a case worker, supervisor or focal point of the case’s country; details: [{userId, country}].',
    'case-closed': 'A closed case cannot be handed over.',
    'same-country': 'A handover to the country that already runs the case; details: [{country}].',
    'bad-country': 'Not a coalition country; details: [{country}].',
    'no-protocol':
      'The receiving country has no protocol of the case’s family; details: [{family, country}].',
    'bad-jurisdiction': 'A variant was asked for REGIONAL; variants are national.',
    'other-protocol-family':
      'A what-if against a protocol of another family than the case’s (its forms do not hold the case’s data); details: [{protocol, family, target}].',
    'bad-ref': 'A protocol reference is not "id@version"; details: [{ref}].',
    'bad-kind': 'A draft file whose "kind" is neither protocol nor variant.',
    'bad-id': 'A draft file without a valid "id".',
    'bad-version': 'A draft file without a whole-number "version" from 1.',
    'bad-title': 'A draft file without a "title" holding "es" and "en" texts.',
    'bad-population': 'A protocol draft without a "population" (child, adult or any).',
    'variant-forms': 'A variant draft carried "forms"; variants change forms through "changes".',
    'form-id-mismatch': 'A draft form keyed by another id than its own; details: [{key}].',
  },
  // not logged in
  401: {
    unauthenticated: 'Not logged in, the session expired, or a wrong user name or password.',
    'account-disabled': 'The account is disabled.',
  },
  // the role or country does not allow it
  403: {
    forbidden: 'The role or country does not allow it; details: [{rule, ...}], rule one of FORBIDDEN_RULES.',
    'password-change-required':
      'The password was set by an administrator: only POST /api/auth/password, GET /api/auth/me and logout answer until the user chooses their own.',
    'cross-site-request':
      'A change sent with the session cookie from a page of another site; details: [{header, value}].',
  },
  // no such thing
  404: {
    'not-found': 'No such thing, or the caller may not see it; details: [{what, id}].',
    'no-such-route': 'No API route with that method and path.',
  },
  // someone or something got there first
  409: {
    'username-unavailable':
      'The user name cannot be given to a new account: user names are unique across every country, and whose it is (which may be another country’s) is not said; details: [{username}].',
    'id-taken':
      'The id belongs to another case or to a published protocol of another jurisdiction or family; details: [{id}] for a protocol.',
    'id-being-drafted':
      'Another jurisdiction drafts a protocol with that id; details: [{id, jurisdictions}].',
    'stale-version': 'The case changed since expectedVersion; details: [{expectedVersion, version}].',
    'stale-revision': 'The draft changed since expectedRevision; details: [{expectedRevision, revision}].',
    'handover-pending':
      'A handover of the case to that country is already waiting; details: [{country, handoverId}].',
    'handover-accepted':
      'That country already received the case by an accepted handover and its case there is still open; details: [{country, handoverId, linkedCaseId}].',
    'handover-declined': 'The handover was declined and cannot be accepted; details: [{handoverId}].',
    'handover-decided':
      'The handover was already accepted or declined, or accepted with other data than a repeated acceptance sends; details: [{handoverId, status?, fields?}].',
    'protection-need':
      'The case records an answer its protocol declares (x-protectionNeed) as meaning that the person fears persecution or seeks international protection (an alert or notification withheld for it): not handed over to the country of origin, nor anywhere while it is unknown; details: [{country, forms}].',
    'handover-stage':
      'The case is at a stage where its protocol does not allow a handover by hand (meta.handover); nothing was sent; details: [{stage, stageTitle: {es, en}, handoverStages: [{path, title: {es, en}}]}], handoverStages empty when the protocol allows it at no stage.',
    'packet-altered':
      'The handover packet was altered after it was sent: it does not match its hash, or is no longer a packet; details: [{handoverId}].',
    'version-exists': 'That protocol version is already published; details: [{protocol}].',
    'stale-user': 'The account changed since expectedUpdatedAt; details: [{expectedUpdatedAt, updatedAt}].',
    'last-admin':
      'The change would leave the jurisdiction without an enabled administrator; details: [{country}].',
    'case-damaged':
      'The case’s stored history no longer re-applies from an event, or its stored document does not match the state its history replays to (its form data, stage, deadlines, head...: altered in the database?); nothing was changed, and its audit chain and replay still answer; details: [{caseId, seq, protocol: {id, version} or null}].',
  },
  // too large
  413: {
    'body-too-large': 'The body is larger than the limit; details: [{limitKb}].',
  },
  // not UTF-8 JSON
  415: {
    'unsupported-encoding': 'The body is not plain UTF-8 JSON.',
  },
  // well-formed, but the rules say no; details carry every reason
  422: {
    'cannot-open': 'The protocol cannot open a case; details: the engine’s Rejection[].',
    'step-rejected': 'The case cannot take that event now; details: the engine’s Rejection[].',
    'migration-rejected': 'The case cannot move to that protocol version; details: the engine’s Rejection[].',
    'receive-rejected': 'The received case cannot take RECEIVE_HANDOVER; details: the engine’s Rejection[].',
    'does-not-verify': 'The draft does not resolve or verify; details: the verifier’s Problem[].',
  },
  // too many attempts
  429: {
    'too-many-logins':
      'Too many failed logins for this user from this address, or for any users from this address.',
    'logins-busy':
      'Too many password checks at once; retry after Retry-After seconds; details: [{retryAfterSeconds}].',
  },
  // a fault of the server
  500: {
    unexpected: 'A fault on the server; the log has the request id.',
  },
} as const;

type ByStatus = typeof MEANINGS;
/** A code the server may send: the constructors below refuse any other. */
export type ErrorCode = { [S in keyof ByStatus]: keyof ByStatus[S] }[keyof ByStatus];

/** Every code with its HTTP status and what it means (docs/api.md lists the same). */
export const ERROR_CODES = Object.fromEntries(
  Object.entries(MEANINGS).flatMap(([status, codes]) =>
    Object.entries(codes).map(([code, meaning]) => [code, { status: Number(status), meaning }]),
  ),
) as Record<ErrorCode, { status: number; meaning: string }>;

/** Why a 403: the `rule` of a forbidden error's detail, so a client can say it in its language. */
export type ForbiddenDetail =
  /** The route needs another role. */
  | { rule: 'role'; role: string; allowed: string[] }
  /** The caller works for `country` only (users, cases, drafts of another country). */
  | { rule: 'own-country'; country: string }
  /** A national protocol of another country. */
  | { rule: 'national-protocol'; protocol: string; jurisdiction: string; country: string }
  /** Only the receiving country's focal point accepts or declines a handover. */
  | { rule: 'receiving-focal-point'; country: string };

const FORBIDDEN_RULE_SET: Record<ForbiddenDetail['rule'], true> = {
  role: true,
  'own-country': true,
  'national-protocol': true,
  'receiving-focal-point': true,
};
/** Every `rule` a 403 can carry, for clients and tests to have a text for each. */
export const FORBIDDEN_RULES = Object.keys(FORBIDDEN_RULE_SET) as ForbiddenDetail['rule'][];

/** What `not-found` says is missing. */
export type NotFoundWhat = 'protocol' | 'user' | 'case' | 'handover' | 'draft' | 'alert' | 'event';
const NOT_FOUND_WORDS: Record<NotFoundWhat, string> = {
  protocol: 'published protocol version',
  user: 'user',
  case: 'case',
  handover: 'handover',
  draft: 'draft',
  alert: 'alert',
  event: 'event of the case',
};
/** Every `what` a 404 can carry. */
export const NOT_FOUND_WHATS = Object.keys(NOT_FOUND_WORDS) as NotFoundWhat[];

/**
 * The few kinds of failure a service can report. Services and repositories throw these;
 * one Express error handler (http/errorHandler.ts) maps them to HTTP. Nothing below the
 * routes knows about status codes.
 */
export type ErrorKind =
  /** The caller sent something that cannot be used; the message says what to fix. */
  | 'user'
  /** Not logged in, or the session expired. */
  | 'unauthenticated'
  /** Logged in, but the role or country does not allow it. */
  | 'forbidden'
  /** No such thing, or the caller may not know it exists. */
  | 'not-found'
  /** Someone else changed it first (stale expectedVersion / expectedRevision). */
  | 'conflict'
  /** Well-formed, but the rules say no now: details carry every reason. */
  | 'rejected';

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: ErrorCode;
  readonly details: unknown[];

  constructor(kind: ErrorKind, code: ErrorCode, message: string, details: unknown[] = []) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    this.details = details;
  }
}

/** Bad input: `code` is stable for clients, `message` tells the user what to change. */
export function userError(code: ErrorCode, message: string, details: unknown[] = []): AppError {
  return new AppError('user', code, message, details);
}

export function notFound(what: NotFoundWhat, id: string): AppError {
  return new AppError(
    'not-found',
    'not-found',
    `No ${NOT_FOUND_WORDS[what]} with id "${id}" exists, or you may not see it.`,
    [{ what, id }],
  );
}

export function forbidden(message: string, detail: ForbiddenDetail): AppError {
  return new AppError('forbidden', 'forbidden', message, [detail]);
}

export function unauthenticated(message = 'Log in first: POST /api/auth/login.'): AppError {
  return new AppError('unauthenticated', 'unauthenticated', message);
}

export function conflict(code: ErrorCode, message: string, details: unknown[] = []): AppError {
  return new AppError('conflict', code, message, details);
}

export function rejected(code: ErrorCode, message: string, details: unknown[]): AppError {
  return new AppError('rejected', code, message, details);
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
