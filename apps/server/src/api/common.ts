import { z } from 'zod';
import { COUNTRIES, ROLES } from '@ruta/protocol';

/** The shape of every id the API hands out (a MongoDB ObjectId as 24 hex digits). */
export const Id = z.string().regex(/^[0-9a-f]{24}$/, {
  message: 'must be a 24-character hexadecimal id, e.g. "65f1c0ffee0000000000abcd"',
});

export const Text = z.object({ es: z.string(), en: z.string() });
export const Country = z.enum(COUNTRIES);
export const Jurisdiction = z.union([z.literal('REGIONAL'), z.enum(COUNTRIES)]);
export const Role = z.enum(ROLES);
export const Instant = z.string().describe('ISO 8601 UTC instant');

/** A protocol id as written in files: lowercase words joined by dashes. */
export const ProtocolId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { message: 'must be a protocol id such as "child-repatriation"' });

/** A JSON document the server does not describe field by field (protocol files, form data). */
export const JsonObject = z.record(z.string(), z.unknown());

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.unknown()),
  }),
});

/** Query values arrive as text; these read them as the number they must be. */
export const PositiveIntText = z
  .string()
  .regex(/^[1-9][0-9]{0,8}$/, { message: 'must be a whole number from 1' })
  .transform(Number);

/** Paging of a long list: its answer's X-Next-Cursor header, when more rows follow, is the next `after`. */
export const PageQuery = {
  /** Rows per page, 1-500 (default 500), written as digits ("0x10", "1e2", " 10" are refused). */
  limit: z
    .string()
    .regex(/^[1-9][0-9]{0,2}$/, { message: 'must be a whole number from 1 to 500, written in digits' })
    .transform(Number)
    .pipe(z.number().max(500, { message: 'must be a whole number from 1 to 500, written in digits' }))
    .default(500),
  /** The X-Next-Cursor of the page before. */
  after: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, 'a cursor is the X-Next-Cursor header of the page before, as given')
    .optional(),
};

export const NoParams = z.object({});
export const NoQuery = z.object({});
