import type { usePages } from './usePages.js';
import { ErrorMessage } from './ErrorMessage.js';

type Pages = Pick<ReturnType<typeof usePages>, 'hasMore' | 'showMore' | 'more'>;

/** The button under a paged list that fetches its next page, and why the last attempt failed. */
export function ShowMore({ pages, label, className }: { pages: Pages; label: string; className?: string }) {
  return (
    <>
      {pages.hasMore ? (
        <button
          type="button"
          className={className ? `btn ${className}` : 'btn'}
          disabled={pages.more.busy}
          onClick={() => void pages.showMore()}
        >
          {label}
        </button>
      ) : null}
      {pages.more.error ? <ErrorMessage error={pages.more.error} /> : null}
    </>
  );
}
