import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** How long typing pauses before the worklist searches what was typed (Enter searches at once). */
export const SEARCH_PAUSE_MS = 400;
/** The longest text the server takes (REFERENCE_SEARCH_MAX of the API). */
const MAX_LENGTH = 64;

/**
 * The worklist's search by case reference: searches when typing pauses or on Enter, and clears
 * with its button (or Escape). Names are not searchable, and the hint says why.
 */
export function ReferenceSearch({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const input = useRef<HTMLInputElement>(null);
  // The latest search and callback, so that a pause timer started earlier searches with them.
  const latest = useRef({ value, onSearch });
  latest.current = { value, onSearch };

  // Back/forward (or another filter link) changes the search in the address: show it.
  useEffect(() => setDraft((d) => (d.trim() === value ? d : value)), [value]);

  useEffect(() => {
    if (draft.trim() === latest.current.value) return;
    // Enter may have searched it meanwhile.
    const timer = setTimeout(() => {
      if (draft.trim() !== latest.current.value) latest.current.onSearch(draft.trim());
    }, SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [draft]);

  const clear = () => {
    setDraft('');
    if (latest.current.value) onSearch('');
    input.current?.focus();
  };

  return (
    <div className="field reference-search">
      <label htmlFor="f-q">{t('worklist.search.label')}</label>
      <div className="reference-search-row">
        <input
          ref={input}
          id="f-q"
          type="text"
          value={draft}
          maxLength={MAX_LENGTH}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="f-q-hint"
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (draft.trim() !== value) onSearch(draft.trim());
            } else if (e.key === 'Escape' && draft) {
              e.preventDefault();
              clear();
            }
          }}
        />
        {draft ? (
          <button type="button" className="btn btn-small" onClick={clear}>
            {t('worklist.search.clear')}
          </button>
        ) : null}
      </div>
      <span id="f-q-hint" className="hint">
        {t('worklist.search.hint')}
      </span>
    </div>
  );
}
