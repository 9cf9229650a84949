import { z } from 'zod';
import { MIN_PASSWORD_CHARS } from '../services/userService.js';
import { Id, Instant, Jurisdiction, PageQuery, Role } from './common.js';

/** User names as the demo ones: "ana.lopez.gt". */
const Username = z.string().regex(/^[a-z0-9][a-z0-9._-]{2,59}$/, {
  message: 'use 3 to 60 lowercase letters, digits, dots, dashes or underscores, e.g. "ana.lopez.gt"',
});
const Name = z
  .string()
  .trim()
  .min(1, 'give the person’s full name')
  .max(120, 'must be at most 120 characters');
const Password = z
  .string()
  .min(
    MIN_PASSWORD_CHARS,
    `must have at least ${MIN_PASSWORD_CHARS} characters; a few unrelated words make one easy to remember`,
  )
  .max(200, 'must be at most 200 characters')
  .describe(`At least ${MIN_PASSWORD_CHARS} characters, not containing the user name`);

/** The precondition of a change of an account: what its updatedAt was when the caller read it. */
const ExpectedUpdatedAt = z
  .string({
    error:
      'give the account’s updatedAt as you read it from GET /api/users (null when it has none), so that a change made meanwhile is refused rather than undone',
  })
  .max(40)
  .nullable()
  .describe(
    'The updatedAt of the account as the caller last read it (null when it has none): a change made meanwhile is refused with 409 stale-user instead of undone',
  );

export const UserParams = z.object({ userId: Id });
export const UsersQuery = z.object({ country: Jurisdiction.optional(), role: Role.optional() });

export const AdminUser = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: Role,
  country: Jurisdiction,
  disabled: z.boolean(),
  createdAt: Instant,
  updatedAt: Instant.nullable(),
});

/**
 * An object of exactly these fields. A field it does not have is refused, one problem per field
 * saying what to do instead (`advice`, else what the body holds), rather than dropped: a
 * `disabled: true` dropped from a new account would leave it able to log in.
 */
function exactly<S extends z.core.$ZodLooseShape>(
  shape: S,
  what: string,
  advice: Record<string, string>,
): z.ZodObject<S, z.core.$loose> {
  const fields = Object.keys(shape);
  const holds = `${what} has the fields ${fields.join(', ')} only`;
  // Read as a loose object so that each unknown field is its own problem below; documented
  // (OpenAPI) as what it is, an object without other properties.
  const schema = z.looseObject(shape).meta({ additionalProperties: false });
  return schema.superRefine(
    (value, ctx) => {
      for (const key of Object.keys(value as object)) {
        if (fields.includes(key)) continue;
        ctx.addIssue({
          code: 'unrecognized_keys',
          keys: [key],
          path: [key],
          input: value,
          message: `is not a field here: ${Object.hasOwn(advice, key) ? advice[key] : `${holds}; leave "${key}" out`}`,
        });
      }
    },
    // Also when a known field is wrong, so that one answer lists every problem.
    { when: (payload) => isRecord(payload.value) },
  );
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const CreateUserBody = exactly(
  { username: Username, name: Name, role: Role, country: Jurisdiction, password: Password },
  'a new account',
  {
    disabled:
      'a new account can log in at once; to create it disabled, create it and then send PUT /api/users/:userId with "disabled": true',
    id: 'the server gives each account its id',
  },
);

export const UpdateUserBody = exactly(
  {
    name: Name,
    role: Role,
    disabled: z.boolean(),
    expectedUpdatedAt: ExpectedUpdatedAt,
  },
  'a change of an account',
  {
    username: 'a user name cannot change; create an account with the new name and disable this one',
    country:
      'an account cannot move to another country; a regional administrator creates one in that country and disables this one',
    password: 'set a new password with POST /api/users/:userId/password',
    id: 'the account is the one in the path',
  },
);

export const PasswordBody = exactly({ password: Password }, 'a new password', {
  username: 'the account is the one in the path; send only "password"',
});

export const AccountLogQuery = z.object({ userId: Id.optional(), ...PageQuery });
export const AccountLogEntry = z.object({
  id: z.string(),
  at: Instant,
  action: z.enum([
    'user-created',
    'user-changed',
    'password-set',
    'password-changed',
    'login',
    'login-failed',
    'logout',
  ]),
  actorId: z
    .string()
    .nullable()
    .describe('The administrator, or the account itself; null for a failed login'),
  actorUsername: z.string().nullable(),
  userId: z.string().nullable().describe('null for a failed login under a user name no account has'),
  username: z.string(),
  country: Jurisdiction,
  changes: z.array(
    z.object({
      field: z.enum(['name', 'role', 'disabled']),
      from: z.union([z.string(), z.boolean()]).nullable().describe('null when the account was created'),
      to: z.union([z.string(), z.boolean()]),
    }),
  ),
  address: z.string().nullable().describe('Where a login or failed login came from'),
});
