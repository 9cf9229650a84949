import type { Rejection } from '@ruta/engine';

/** A non-2xx answer from the server, with the server's code, message and details. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown[];

  constructor(status: number, code: string, message: string, details: unknown[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** The engine's reasons when the server answered 422 to a step; empty otherwise. */
  get rejections(): Rejection[] {
    if (this.status !== 422) return [];
    return this.details.filter(isRejection);
  }
}

function isRejection(value: unknown): value is Rejection {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
