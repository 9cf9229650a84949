import { z } from 'zod';
import { ErrorBody } from '../api/common.js';
import type { Route } from './route.js';

type JsonSchema = Record<string, unknown>;

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad input: malformed JSON, not UTF-8, a body that does not decompress, bad percent-encoding in the path, wrong types, "$" or __proto__ keys, invalid ids',
  401: 'Not logged in',
  403: 'Not allowed for this role or country, or a change sent with the session cookie from another site',
  404: 'Unknown id, or a case the caller may not see',
  409: 'Stale expectedVersion / expectedRevision, or already decided',
  413: 'Body larger than 256 kB',
  415: 'A charset other than UTF-8, or an unknown Content-Encoding',
  422: 'The rules refuse it now; details list every reason',
  429: 'Too many failed logins; wait and try again',
};

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const s = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  delete s.$schema;
  return s;
}

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {};
}

function errorResponse(status: number) {
  return {
    description: ERROR_TEXT[status] ?? 'Error',
    content: { 'application/json': { schema: schemaOf(ErrorBody, 'output') } },
  };
}

/** The error statuses a route can answer, from how it is declared. */
export function errorStatuses(route: Route): number[] {
  const out = new Set<number>([400, ...route.errors]);
  if (route.access !== 'public') out.add(401);
  if (Array.isArray(route.access) || route.method !== 'get') out.add(403);
  if (route.body) {
    out.add(413);
    out.add(415);
  }
  if (route.loginRateLimit) out.add(429);
  return [...out].sort((a, b) => a - b);
}

/** The OpenAPI 3.1 document of the routes, generated from the same zod schemas that validate them. */
export function buildOpenApi(routes: readonly Route[]): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z][A-Za-z0-9]*)/g, '{$1}');
    const parameters = [
      ...Object.entries(shapeOf(r.params)).map(([name, s]) => ({
        name,
        in: 'path',
        required: true,
        schema: schemaOf(s, 'input'),
      })),
      ...Object.entries(shapeOf(r.query)).map(([name, s]) => ({
        name,
        in: 'query',
        required: !s.safeParse(undefined).success,
        schema: schemaOf(s, 'input'),
      })),
    ];
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(r.responses)) {
      responses[status] = spec.schema
        ? {
            description: spec.description,
            content: { 'application/json': { schema: schemaOf(spec.schema, 'output') } },
          }
        : { description: spec.description };
    }
    for (const status of errorStatuses(r)) responses[String(status)] = errorResponse(status);
    const operation: Record<string, unknown> = {
      operationId: `${r.method}${path.replace(/[{}]/g, '').replace(/(^|[/-])([a-z])/g, (_m, _s: string, c: string) => c.toUpperCase())}`,
      summary: r.summary,
      tags: [r.tag],
      parameters,
      responses,
    };
    if (r.body) {
      operation.requestBody = {
        required: !r.body.safeParse(undefined).success,
        content: { 'application/json': { schema: schemaOf(r.body, 'input') } },
      };
    }
    if (r.access !== 'public') operation.security = [{ sessionCookie: [] }, { bearer: [] }];
    if (Array.isArray(r.access)) operation['x-roles'] = r.access;
    (paths[path] ??= {})[r.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ruta case service',
      version: '0.1.0',
      description:
        'Cases of trafficking victims run under versioned protocols. Every write takes expectedVersion (409 when stale); errors are {"error": {code, message, details}}.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'ruta_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
  };
}
