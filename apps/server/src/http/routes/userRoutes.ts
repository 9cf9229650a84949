import { z } from 'zod';
import { NoParams, NoQuery } from '../../api/common.js';
import {
  AccountLogEntry,
  AccountLogQuery,
  AdminUser,
  CreateUserBody,
  PasswordBody,
  UpdateUserBody,
  UserParams,
  UsersQuery,
} from '../../api/userApi.js';
import { defineRoute, pageAnswer } from '../route.js';

const ADMINS = ['admin'] as const;

export const userRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/account-log',
    summary:
      'The account log: who created, changed or gave a new password to which account, and every login, logout and failed login (the administrator’s country; every one for a regional one)',
    tag: 'users',
    access: ADMINS,
    params: NoParams,
    query: AccountLogQuery,
    responses: { 200: { description: 'Entries, newest first', schema: z.array(AccountLogEntry) } },
    handler: async ({ query, user }, s) => pageAnswer(await s.accountLog.list(user, query)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/users',
    summary: 'The accounts an administrator manages (their country’s; everyone’s for a regional one)',
    tag: 'users',
    access: ADMINS,
    params: NoParams,
    query: UsersQuery,
    responses: { 200: { description: 'Users, by user name', schema: z.array(AdminUser) } },
    handler: async ({ query, user }, s) => ({ status: 200, body: await s.users.list(user, query) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/users',
    summary: 'Create an account in the administrator’s country (any country for a regional one)',
    tag: 'users',
    access: ADMINS,
    params: NoParams,
    query: NoQuery,
    body: CreateUserBody,
    responses: { 201: { description: 'The new account', schema: AdminUser } },
    errors: [409],
    handler: async ({ body, user }, s) => ({ status: 201, body: await s.users.create(user, body) }),
  }),
  defineRoute({
    method: 'put',
    path: '/api/users/:userId',
    summary:
      'Set an account’s name, role and whether it may log in (a change of role or disabling ends its sessions)',
    tag: 'users',
    access: ADMINS,
    params: UserParams,
    query: NoQuery,
    body: UpdateUserBody,
    responses: { 200: { description: 'The account', schema: AdminUser } },
    errors: [404, 409],
    handler: async ({ params, body, user }, s) => ({
      status: 200,
      body: await s.users.update(user, params.userId, body),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/users/:userId/password',
    summary: 'Give an account a new password; its sessions end',
    tag: 'users',
    access: ADMINS,
    params: UserParams,
    query: NoQuery,
    body: PasswordBody,
    responses: { 204: { description: 'Password set' } },
    errors: [404],
    handler: async ({ params, body, user }, s) => {
      await s.users.setPassword(user, params.userId, body.password);
      return { status: 204 };
    },
  }),
];
