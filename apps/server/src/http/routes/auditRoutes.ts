import { NoParams, NoQuery } from '../../api/common.js';
import { CaseIdParams } from '../../api/caseApi.js';
import { ChainReport, ConformanceReport, IntegrityView, WhatIfBody } from '../../api/otherApi.js';
import { AUDIT_ROLES } from '../../services/caseAccess.js';
import { defineRoute } from '../route.js';

export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/cases/:caseId/audit/chain',
    summary: 'Re-hash the stored history: where the chain breaks, if it does',
    tag: 'audit',
    access: AUDIT_ROLES,
    params: CaseIdParams,
    query: NoQuery,
    responses: { 200: { description: 'Chain report', schema: ChainReport } },
    errors: [404],
    handler: async ({ params, user }, s) => ({ status: 200, body: await s.audit.chain(user, params.caseId) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/cases/:caseId/audit/replay',
    summary: 'Replay the history against the versions it ran under',
    tag: 'audit',
    access: AUDIT_ROLES,
    params: CaseIdParams,
    query: NoQuery,
    responses: { 200: { description: 'Conformance report', schema: ConformanceReport } },
    errors: [404],
    handler: async ({ params, user }, s) => ({
      status: 200,
      body: await s.audit.replay(user, params.caseId),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/cases/:caseId/audit/what-if',
    summary: 'Replay the history’s commands against another published version or variant',
    tag: 'audit',
    access: AUDIT_ROLES,
    params: CaseIdParams,
    query: NoQuery,
    body: WhatIfBody,
    responses: { 200: { description: 'Conformance report', schema: ConformanceReport } },
    errors: [404],
    handler: async ({ params, body, user }, s) => ({
      status: 200,
      body: await s.audit.whatIf(user, params.caseId, body.protocol),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/audit/integrity',
    summary: 'The last integrity sweep: the damaged cases of the caller’s countries, where each breaks',
    tag: 'audit',
    access: AUDIT_ROLES,
    params: NoParams,
    query: NoQuery,
    responses: { 200: { description: 'Integrity report', schema: IntegrityView } },
    handler: async ({ user }, s) => ({ status: 200, body: await s.integrity.view(user) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/audit/integrity/sweep',
    summary: 'Check every case’s history and document now (one sweep at a time; it runs behind the answer)',
    tag: 'audit',
    access: AUDIT_ROLES,
    params: NoParams,
    query: NoQuery,
    responses: { 202: { description: 'The sweep started (or already running)', schema: IntegrityView } },
    handler: async ({ user }, s) => {
      void s.integrity.sweep();
      return { status: 202, body: await s.integrity.view(user) };
    },
  }),
];
