import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { isAppError, type ErrorCode, type ErrorKind } from '../errors.js';

const STATUS: Record<ErrorKind, number> = {
  user: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  rejected: 422,
};

export interface ErrorBodyShape {
  error: { code: string; message: string; details: unknown[] };
}

export function errorBody(code: ErrorCode, message: string, details: unknown[] = []): ErrorBodyShape {
  return { error: { code, message, details } };
}

/** Errors of the body reader (express.raw / body-parser), by their `type`. */
function bodyReaderError(err: {
  type?: string;
  status?: number;
  limit?: number;
}): [number, ErrorBodyShape] | null {
  switch (err.type) {
    case 'entity.too.large':
      return [
        413,
        errorBody(
          'body-too-large',
          `The request body is larger than ${Math.round((err.limit ?? 0) / 1024)} kB. Send less data in one request.`,
          [{ limitKb: Math.round((err.limit ?? 0) / 1024) }],
        ),
      ];
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return [
        415,
        errorBody('unsupported-encoding', 'Send the body as UTF-8 JSON without content encoding.'),
      ];
    case 'request.aborted':
    case 'request.size.invalid':
      return [400, errorBody('incomplete-body', 'The request body was cut short; send it again.')];
    default:
      return null;
  }
}

/**
 * The one place errors become HTTP answers: typed service errors by kind, body-reader errors by
 * type, and anything else as a 500 whose details go to the log (never to the client).
 */
export function createErrorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(err);
    if (isAppError(err)) {
      res.status(STATUS[err.kind]).json(errorBody(err.code, err.message, err.details));
      return;
    }
    const reader = typeof err === 'object' && err !== null ? bodyReaderError(err as { type?: string }) : null;
    if (reader) {
      res.status(reader[0]).json(reader[1]);
      return;
    }
    logger.error({ err, reqId: req.id, path: req.path }, 'unexpected error');
    res
      .status(500)
      .json(
        errorBody(
          'unexpected',
          `Something went wrong on the server (request ${String(req.id)}). Reload what you were working on before trying again.`,
        ),
      );
  };
}
