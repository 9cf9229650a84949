import { z } from 'zod';
import { Jurisdiction, Role } from './common.js';

export const LoginBody = z.object({
  username: z.string().min(1, 'give your user name').max(100),
  password: z.string().min(1, 'give your password').max(200),
});

export const UserView = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: Role,
  country: Jurisdiction,
  mustChangePassword: z
    .boolean()
    .describe('The password was set by an administrator: choose one with POST /api/auth/password first'),
});

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1, 'give your current password').max(200),
  newPassword: z.string().max(200, 'at most 200 characters'),
});

export const LoginResponse = z.object({ user: UserView, token: z.string(), expiresAt: z.string() });
export const MeResponse = z.object({ user: UserView });
