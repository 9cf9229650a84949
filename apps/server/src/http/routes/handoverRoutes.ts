import { z } from 'zod';
import { NoParams, NoQuery } from '../../api/common.js';
import { CaseIdParams } from '../../api/caseApi.js';
import {
  AcceptBody,
  AcceptResponse,
  DeclineBody,
  Handover,
  HandoverCreateBody,
  HandoverListQuery,
  HandoverParams,
} from '../../api/otherApi.js';
import { CASE_ROLES, STEP_ROLES } from '../../services/caseAccess.js';
import { defineRoute, pageAnswer } from '../route.js';

export const handoverRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/cases/:caseId/handovers',
    summary: 'Hand the case to another country: a packet of the shareable fields with its SHA-256',
    tag: 'handovers',
    access: STEP_ROLES,
    params: CaseIdParams,
    query: NoQuery,
    body: HandoverCreateBody,
    responses: { 201: { description: 'The pending handover', schema: Handover } },
    errors: [404, 409],
    handler: async ({ params, body, user }, s) => ({
      status: 201,
      body: await s.handovers.create(user, params.caseId, body),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/handovers',
    summary: 'Handovers to or from the caller’s country',
    tag: 'handovers',
    access: CASE_ROLES,
    params: NoParams,
    query: HandoverListQuery,
    responses: { 200: { description: 'Handovers, newest first', schema: z.array(Handover) } },
    handler: async ({ query, user }, s) => pageAnswer(await s.handovers.list(user, query)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/handovers/:id',
    summary: 'A handover to or from the caller’s country, as it stands now',
    tag: 'handovers',
    access: CASE_ROLES,
    params: HandoverParams,
    query: NoQuery,
    responses: { 200: { description: 'The handover', schema: Handover } },
    errors: [404],
    handler: async ({ params, user }, s) => ({ status: 200, body: await s.handovers.get(user, params.id) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/handovers/:id/accept',
    summary: 'Accept (focal point of the receiving country): opens the linked case there and receives it',
    tag: 'handovers',
    access: ['focalpoint'],
    params: HandoverParams,
    query: NoQuery,
    body: AcceptBody,
    responses: { 200: { description: 'The handover and the linked case', schema: AcceptResponse } },
    errors: [404, 409, 422],
    handler: async ({ params, body, user }, s) => ({
      status: 200,
      body: await s.handovers.accept(user, params.id, body?.data ?? {}),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/handovers/:id/decline',
    summary: 'Decline (focal point of the receiving country), with a reason',
    tag: 'handovers',
    access: ['focalpoint'],
    params: HandoverParams,
    query: NoQuery,
    body: DeclineBody,
    responses: { 200: { description: 'The declined handover', schema: Handover } },
    errors: [404, 409],
    handler: async ({ params, body, user }, s) => ({
      status: 200,
      body: await s.handovers.decline(user, params.id, body.reason),
    }),
  }),
];
