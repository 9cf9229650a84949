import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/ApiError.js';
import { describeServerError } from './describeServerError.js';

/** A failed request, said in the user's language, announced to screen readers. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-error" role="alert">
      {describeError(error, t)}
    </div>
  );
}

/** A failed request in the user's language: by the server's error code, else by HTTP status. */
export function describeError(
  error: unknown,
  t: (key: string, opts?: Record<string, unknown>) => string,
): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('errors.network');
    if (error.status === 401 && error.code === 'unauthenticated') return t('errors.unauthorized');
    // the refusal's own text when the app knows its code; the server's English only below
    const known = describeServerError(error, t);
    if (known !== null) return known;
    switch (error.status) {
      case 0:
        return t('errors.network');
      case 401:
        return t('errors.unauthorized');
      case 403:
        return t('errors.forbidden', { message: error.message });
      case 404:
        return t('errors.notFound');
      case 409:
        return t('errors.stale');
      case 413:
        return t('errors.tooLarge');
      case 429:
        return t('errors.tooMany');
      default:
        return t('errors.server', { message: error.message });
    }
  }
  return t('errors.unexpected');
}
