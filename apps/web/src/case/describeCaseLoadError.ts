import { ApiError } from '../api/ApiError.js';
import { describeError } from '../ui/ErrorMessage.js';

type T = (key: string, opts?: Record<string, unknown>) => string;

/**
 * Why a case page could not be shown, in plain words: an address whose case number is not one
 * (mistyped, cut short when copied) is said as such, not as the server's "«caseId» no tiene el
 * formato esperado."; anything else as any failed request.
 */
export function describeCaseLoadError(error: unknown, caseId: string, t: T): string {
  if (
    error instanceof ApiError &&
    error.code === 'invalid-input' &&
    error.details.some(
      (d) => typeof d === 'object' && d !== null && (d as { path?: unknown }).path === 'caseId',
    )
  ) {
    return t('case.badAddress', { id: caseId });
  }
  return describeError(error, t);
}
