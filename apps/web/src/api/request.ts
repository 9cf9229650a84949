import { ApiError } from './ApiError.js';
import type { ApiErrorBody } from './types.js';

/** Dispatched on window when the server says the session is over. */
export const SESSION_ENDED = 'ruta:session-ended';

/**
 * One JSON request to the API. The session travels in the httpOnly cookie the server set at
 * login, so nothing secret is kept in the page. Throws ApiError on a non-2xx answer, and on a
 * network failure an ApiError with status 0 so callers handle one kind of error.
 */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  return (await requestWithHeaders<T>(method, path, body)).body;
}

/** request, with the answer's headers (e.g. the worklist's X-Next-Cursor). */
export async function requestWithHeaders<T>(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ body: T; headers: Headers }> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  if (res.status === 204) return { body: undefined as T, headers: res.headers };
  const text = await res.text();
  let json: unknown = undefined;
  if (text !== '') {
    try {
      json = JSON.parse(text);
    } catch {
      if (!res.ok) throw new ApiError(res.status, 'http', text.slice(0, 200));
      throw new ApiError(res.status, 'bad-response', 'The server answered with something that is not JSON.');
    }
  }
  if (!res.ok) {
    // A session that ended (expired, or logged out in another tab) sends the user to the login
    // page from wherever they are; the login and "who am I" calls answer 401 in the normal course.
    if (res.status === 401 && !path.startsWith('/api/auth/')) window.dispatchEvent(new Event(SESSION_ENDED));
    const err = (json as Partial<ApiErrorBody> | undefined)?.error;
    throw new ApiError(res.status, err?.code ?? 'http', err?.message ?? res.statusText, err?.details ?? []);
  }
  return { body: json as T, headers: res.headers };
}
