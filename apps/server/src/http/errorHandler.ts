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

/** `res.locals` key of the code of the error answered (e.g. for the login limits to tell failures apart). */
export const ERROR_CODE = 'errorCode';

export function errorBody(code: ErrorCode, message: string, details: unknown[] = []): ErrorBodyShape {
  return { error: { code, message, details } };
}

/** The error the body reader throws for a charset other than UTF-8, answered as 415 like its own. */
export function unsupportedCharset(charset: string): Error {
  return Object.assign(new Error(`unsupported charset "${charset}"`), {
    status: 415,
    expose: true,
    type: 'charset.unsupported',
    charset,
  });
}

/** What an error of Express or its middleware (http-errors style) says about itself. */
interface HttpLayerError {
  type?: unknown;
  status?: unknown;
  statusCode?: unknown;
  expose?: unknown;
  message?: unknown;
  code?: unknown;
  limit?: number;
  charset?: unknown;
}

/** Errors of the body reader (express.raw / body-parser), by their `type`. */
function bodyReaderError(err: HttpLayerError): [number, ErrorBodyShape] | null {
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
    case 'charset.unsupported':
      return [
        415,
        errorBody(
          'unsupported-encoding',
          `The body is declared as charset "${String(err.charset)}"; send the JSON encoded as UTF-8 (Content-Type: application/json, or application/json; charset=utf-8).`,
          [{ in: 'header', header: 'content-type', charset: String(err.charset) }],
        ),
      ];
    case 'encoding.unsupported':
      return [
        415,
        errorBody(
          'unsupported-encoding',
          'Send the body as UTF-8 JSON, uncompressed or with Content-Encoding gzip, deflate or br.',
        ),
      ];
    case 'request.aborted':
    case 'request.size.invalid':
      return [400, errorBody('incomplete-body', 'The request body was cut short; send it again.')];
    default:
      return null;
  }
}

/** The 4xx status an error of Express or its middleware carries, when it is safe to answer with it. */
function clientStatus(err: HttpLayerError): number | null {
  const status = typeof err.status === 'number' ? err.status : err.statusCode;
  if (typeof status !== 'number' || status < 400 || status > 499 || err.expose === false) return null;
  return status;
}

/**
 * A 4xx of the HTTP layer as a clear answer: a compressed body that does not decompress, a path
 * with bad percent-encoding, or any other error that carries a client status.
 */
function httpLayerError(err: HttpLayerError, req: Request, status: number): ErrorBodyShape {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (status === 400 && err.type === undefined && typeof err.code === 'string' && encoding !== 'identity') {
    // zlib's Z_DATA_ERROR, Z_BUF_ERROR, or a brotli error, passed on by the body reader
    return errorBody(
      'malformed-body',
      `The request body is not valid ${encoding} data, though Content-Encoding says it is. Compress the UTF-8 JSON with ${encoding}, or send it uncompressed without Content-Encoding.`,
      [{ in: 'body', encoding }],
    );
  }
  const param = err instanceof URIError ? /^Failed to decode param '(.*)'$/s.exec(err.message) : null;
  if (status === 400 && param) {
    return errorBody(
      'malformed-url',
      `The URL path segment "${param[1]}" is not valid percent-encoding: each "%" must be followed by two hexadecimal digits, and the bytes must form UTF-8 text (e.g. "%C3%A9" for "é"). Fix the URL.`,
      [{ in: 'path', value: param[1] }],
    );
  }
  const why = err.expose === true && typeof err.message === 'string' ? `: ${err.message}` : '';
  return errorBody(
    'bad-request',
    `The request cannot be used as sent (HTTP ${status}${why}). Check its URL, headers and body.`,
    [{ status }],
  );
}

/**
 * The one place errors become HTTP answers: typed service errors by kind, body-reader errors by
 * type, other errors that carry a 4xx status (Express, its middleware) by that status, and
 * anything else as a 500 whose details go to the log (never to the client).
 */
export function createErrorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(err);
    if (isAppError(err)) {
      res.locals[ERROR_CODE] = err.code;
      res.status(STATUS[err.kind]).json(errorBody(err.code, err.message, err.details));
      return;
    }
    if (typeof err === 'object' && err !== null) {
      const reader = bodyReaderError(err);
      if (reader) {
        res.status(reader[0]).json(reader[1]);
        return;
      }
      const status = clientStatus(err);
      if (status !== null) {
        res.status(status).json(httpLayerError(err, req, status));
        return;
      }
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
