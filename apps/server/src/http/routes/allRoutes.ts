import { z } from 'zod';
import { NoParams, NoQuery } from '../../api/common.js';
import { buildOpenApi } from '../openApi.js';
import { defineRoute, type Route } from '../route.js';
import { auditRoutes } from './auditRoutes.js';
import { authRoutes } from './authRoutes.js';
import { caseRoutes } from './caseRoutes.js';
import { directoryRoutes } from './directoryRoutes.js';
import { handoverRoutes } from './handoverRoutes.js';
import { protocolRoutes } from './protocolRoutes.js';
import { userRoutes } from './userRoutes.js';

let document: Record<string, unknown> | null = null;

const openApiRoute = defineRoute({
  method: 'get',
  path: '/api/openapi.json',
  summary: 'This document (OpenAPI 3.1)',
  tag: 'meta',
  access: 'public',
  params: NoParams,
  query: NoQuery,
  responses: { 200: { description: 'The OpenAPI document', schema: z.looseObject({ openapi: z.string() }) } },
  handler: async () => ({ status: 200, body: (document ??= buildOpenApi(allRoutes)) }),
});

/** Every route of the API, in mounting order. */
export const allRoutes: Route[] = [
  ...authRoutes,
  ...protocolRoutes,
  ...caseRoutes,
  ...handoverRoutes,
  ...auditRoutes,
  ...directoryRoutes,
  ...userRoutes,
  openApiRoute,
];
