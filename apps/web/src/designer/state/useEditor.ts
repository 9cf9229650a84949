import { useCallback, useMemo, useReducer } from 'react';
import type { DesignDoc, Selection } from '../model/DesignDoc.js';
import { EditError } from '../model/EditError.js';
import { canRedo, canUndo, record, redo, startHistory, undo } from '../model/history.js';
import type { History } from '../model/history.js';

/** An edit: a pure function of the document, optionally moving the selection to what it made. */
export type Edit = (doc: DesignDoc) => DesignDoc | { doc: DesignDoc; select?: Selection };

interface EditorState {
  history: History<DesignDoc>;
  selection: Selection | null;
  /** The last edit that could not be made, shown until the next edit. */
  error: EditError | null;
}

type Action =
  | { type: 'edit'; edit: Edit; coalesce: string | undefined }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'select'; selection: Selection | null }
  | { type: 'reset'; doc: DesignDoc }
  | { type: 'dismissError' };

function reducer(state: EditorState, action: Action): EditorState {
  switch (action.type) {
    case 'edit': {
      try {
        const out = action.edit(state.history.present);
        const doc = 'machine' in out ? out : out.doc;
        const select = 'machine' in out ? undefined : out.select;
        const history = record(state.history, doc, action.coalesce);
        return { history, selection: select ?? state.selection, error: null };
      } catch (e) {
        if (e instanceof EditError) return { ...state, error: e };
        throw e;
      }
    }
    case 'undo':
      return { ...state, history: undo(state.history), error: null };
    case 'redo':
      return { ...state, history: redo(state.history), error: null };
    case 'select':
      return { ...state, selection: action.selection };
    case 'reset':
      return { history: startHistory(action.doc), selection: null, error: null };
    case 'dismissError':
      return { ...state, error: null };
  }
}

export interface Editor {
  doc: DesignDoc;
  selection: Selection | null;
  error: EditError | null;
  canUndo: boolean;
  canRedo: boolean;
  /**
   * Applies an edit. Edits with the same `coalesce` key in a row (typing in one box) are one
   * undo step. An edit that throws an EditError changes nothing and sets `error`.
   */
  apply: (edit: Edit, coalesce?: string) => void;
  undo: () => void;
  redo: () => void;
  select: (selection: Selection | null) => void;
  reset: (doc: DesignDoc) => void;
  dismissError: () => void;
}

/** The editor's document with undo history, selection and the last refused edit. */
export function useEditor(initial: DesignDoc): Editor {
  const [state, dispatch] = useReducer(reducer, initial, (doc) => ({
    history: startHistory(doc),
    selection: null,
    error: null,
  }));
  const apply = useCallback(
    (edit: Edit, coalesce?: string) => dispatch({ type: 'edit', edit, coalesce }),
    [],
  );
  const actions = useMemo(
    () => ({
      undo: () => dispatch({ type: 'undo' }),
      redo: () => dispatch({ type: 'redo' }),
      select: (selection: Selection | null) => dispatch({ type: 'select', selection }),
      reset: (doc: DesignDoc) => dispatch({ type: 'reset', doc }),
      dismissError: () => dispatch({ type: 'dismissError' }),
    }),
    [],
  );
  return {
    doc: state.history.present,
    selection: state.selection,
    error: state.error,
    canUndo: canUndo(state.history),
    canRedo: canRedo(state.history),
    apply,
    ...actions,
  };
}
