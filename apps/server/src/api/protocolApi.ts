import { z } from 'zod';
import { Id, Instant, Jurisdiction, JsonObject, PositiveIntText, ProtocolId, Text } from './common.js';

export const Problem = z.looseObject({
  code: z.string(),
  location: z.looseObject({ pointer: z.string() }),
  message: z.string().describe('What is wrong, in English'),
  hint: z.string().describe('What to do about it, in English'),
  es: z
    .object({ message: z.string(), hint: z.string() })
    .optional()
    .describe(
      'The message and hint in Spanish; absent only from the problems of a draft last saved before problems carried Spanish',
    ),
  severity: z.enum(['error', 'warning']).optional(),
});

export const ProtocolListItem = z.object({
  id: z.string(),
  version: z.number().int(),
  jurisdiction: Jurisdiction,
  title: Text,
  population: z.string(),
  base: z.string().optional(),
  status: z.enum(['published', 'draft']),
  draftId: z.string().optional(),
  revision: z
    .number()
    .int()
    .optional()
    .describe('A draft’s revision: the expectedRevision that discards it as listed'),
  updatedAt: Instant.optional().describe('When a draft was last saved'),
});

export const ResolvedProtocol = z.looseObject({
  id: z.string(),
  version: z.number().int(),
  jurisdiction: Jurisdiction,
  title: Text,
  population: z.string(),
  events: z.record(z.string(), z.unknown()),
  guards: z.record(z.string(), z.unknown()),
  machine: z.looseObject({ id: z.string(), initial: z.string() }),
  forms: z.record(z.string(), z.looseObject({ id: z.string() })),
  invariantsInForce: z.array(z.looseObject({ id: z.string() })),
  base: z.string().optional(),
});

export const Verification = z.object({
  ok: z.boolean(),
  problems: z.array(Problem),
  invariants: z.array(z.object({ id: z.string(), description: Text, ok: z.boolean() })),
});

export const ProtocolDiff = z
  .looseObject({})
  .describe('The differences between two protocol versions (see @ruta/protocol ProtocolDiff)');

const DraftForms = z
  .record(z.string(), JsonObject)
  .describe(
    'A regional protocol draft’s forms that differ from the version it continues, by form id (variants change forms through their changes)',
  );

export const DraftView = z.object({
  id: z.string(),
  file: JsonObject,
  forms: DraftForms,
  revision: z.number().int(),
  updatedAt: Instant,
  problems: z.array(Problem),
  invariantsInForce: z
    .array(z.looseObject({ id: z.string() }))
    .describe('The invariants the draft must satisfy as it resolves now (empty when it does not resolve)'),
});

export const VersionParams = z.object({ id: ProtocolId, version: PositiveIntText });
export const DraftParams = z.object({ draftId: Id });
export const DiffQuery = z.object({
  a: z.string().min(3).max(120).describe('id@version'),
  b: z.string().min(3).max(120).describe('id@version'),
});
export const DraftCreateBody = z.object({ file: JsonObject, forms: DraftForms.optional() });
export const DraftUpdateBody = z.object({
  file: JsonObject,
  forms: DraftForms.optional(),
  expectedRevision: z.number().int().min(1),
});
export const DraftDiscardBody = z.object({
  expectedRevision: z
    .number()
    .int()
    .min(1)
    .describe('The revision the caller saw: a save made since answers 409 stale-revision'),
});
export const VariantBody = z.object({
  jurisdiction: z.string().regex(/^[A-Z]{2}$/, { message: 'must be a country code such as "GT"' }),
  id: ProtocolId.optional(),
});
