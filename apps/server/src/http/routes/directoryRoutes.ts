import { z } from 'zod';
import { NoParams } from '../../api/common.js';
import { NoQuery } from '../../api/common.js';
import {
  FocalPoint,
  FocalPointsQuery,
  Notification,
  NotificationListQuery,
  NotificationParams,
  StatsQuery,
  StatsResponse,
  UnreadCount,
} from '../../api/otherApi.js';
import { defineRoute, pageAnswer } from '../route.js';

export const directoryRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/stats',
    summary: 'Anonymised case counts; cells under 5 withheld, counts rounded down to a multiple of 5',
    tag: 'stats',
    access: 'any',
    params: NoParams,
    query: StatsQuery,
    responses: { 200: { description: 'Counts', schema: StatsResponse } },
    handler: async ({ query, user }, s) => ({ status: 200, body: await s.stats.counts(user, query.by) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/focal-points',
    summary: 'The focal-point directory (seed 003 §6.5, §9.3)',
    tag: 'directory',
    access: 'any',
    params: NoParams,
    query: FocalPointsQuery,
    responses: { 200: { description: 'Focal points', schema: z.array(FocalPoint) } },
    handler: async ({ query }, s) => ({ status: 200, body: await s.focalPoints.list(query.country) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/notifications',
    summary: 'Alerts for the caller’s country from the protocols (e.g. the 24-hour alert), newest first',
    tag: 'directory',
    access: ['focalpoint', 'supervisor'],
    params: NoParams,
    query: NotificationListQuery,
    responses: { 200: { description: 'Alerts, newest first', schema: z.array(Notification) } },
    handler: async ({ query, user }, s) => pageAnswer(await s.focalPoints.notifications(user, query)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/notifications/unread',
    summary: 'How many alerts for the caller’s country the caller has not marked read',
    tag: 'directory',
    access: ['focalpoint', 'supervisor'],
    params: NoParams,
    query: NoQuery,
    responses: { 200: { description: 'The count', schema: UnreadCount } },
    handler: async ({ user }, s) => ({ status: 200, body: { count: await s.focalPoints.unreadCount(user) } }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/notifications/:id/read',
    summary: 'Mark an alert read (for the caller only)',
    tag: 'directory',
    access: ['focalpoint', 'supervisor'],
    params: NotificationParams,
    query: NoQuery,
    responses: { 204: { description: 'Marked read' } },
    errors: [404],
    handler: async ({ params, user }, s) => {
      await s.focalPoints.markRead(user, params.id);
      return { status: 204 };
    },
  }),
];
