import { expect } from 'vitest';
import type { ApiClient } from './apiClient.js';

/**
 * The ids of a paged list, page by page, read by following each answer's X-Next-Cursor from
 * `path` (which carries its query, limit included) until an answer gives none.
 *
 * @example await readPages(worker, '/api/cases?limit=3') // [[a, b, c], [d]]
 */
export async function readPages(client: ApiClient, path: string): Promise<string[][]> {
  const pages: string[][] = [];
  let after = '';
  for (;;) {
    const r = await client.get<{ id: string }[]>(`${path}${after ? `&after=${after}` : ''}`);
    expect(r.status).toBe(200);
    pages.push(r.body.map((row) => row.id));
    const next = r.headers.get('x-next-cursor');
    if (!next) return pages;
    after = next;
  }
}
