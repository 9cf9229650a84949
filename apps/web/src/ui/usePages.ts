import { useState } from 'react';
import { useAsync, type AsyncState } from './useAsync.js';

/** One page of a long list and the cursor of the page after it (null on the last page). */
export interface Page<T> {
  rows: T[];
  next: string | null;
}

/**
 * A list the server gives a page at a time: the first page whenever `deps` change (or on
 * `reload()`), and the pages after it as the user asks for them (`showMore`). Pages after the
 * first belong to the first page they followed: a new first page (other filters, a reload
 * after a change) starts the list again.
 */
export function usePages<T>(
  fetchPage: (after?: string) => Promise<Page<T>>,
  deps: readonly unknown[],
): {
  first: AsyncState<Page<T>> & { reload: () => void };
  /** Every row fetched so far, null until the first page came. */
  rows: T[] | null;
  /** Whether more rows follow. */
  hasMore: boolean;
  showMore: () => Promise<void>;
  /** Fetching the next page; the error of the last attempt, if it failed. */
  more: { busy: boolean; error: unknown };
} {
  const first = useAsync(() => fetchPage(), deps);
  const [later, setLater] = useState<{ after: Page<T>; rows: T[]; next: string | null } | null>(null);
  const [more, setMore] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const extra = first.data && later?.after === first.data ? later : null;
  const rows = first.data ? [...first.data.rows, ...(extra?.rows ?? [])] : null;
  const next = extra ? extra.next : (first.data?.next ?? null);
  const showMore = async () => {
    const after = first.data;
    if (!next || !after) return;
    setMore({ busy: true, error: null });
    try {
      const page = await fetchPage(next);
      setLater({ after, rows: [...(extra?.rows ?? []), ...page.rows], next: page.next });
      setMore({ busy: false, error: null });
    } catch (error) {
      setMore({ busy: false, error });
    }
  };
  return { first, rows, hasMore: next !== null, showMore, more };
}
