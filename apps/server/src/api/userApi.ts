import { z } from 'zod';
import { MIN_PASSWORD_CHARS } from '../services/userService.js';
import { Id, Instant, Jurisdiction, Role } from './common.js';

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

export const CreateUserBody = z.object({
  username: Username,
  name: Name,
  role: Role,
  country: Jurisdiction,
  password: Password,
});

export const UpdateUserBody = z.object({
  name: Name,
  role: Role,
  disabled: z.boolean(),
});

export const PasswordBody = z.object({ password: Password });
