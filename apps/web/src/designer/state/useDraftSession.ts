import { useCallback, useEffect, useRef, useState } from 'react';
import type { Problem, ResolvedProtocol } from '@ruta/protocol';
import { ApiError } from '../../api/ApiError.js';
import { designerApi, requireRef } from '../api/designerApi.js';
import type { Draft, DraftFile, DraftForms } from '../api/designerApi.js';
import type { DesignDoc } from '../model/DesignDoc.js';
import { sameJson } from '../model/sameJson.js';
import { applyVariant, variantFileFor } from '../model/variantFile.js';
import type { InexpressibleChange } from '../model/deriveVariantChanges.js';

/** What the editor needs to edit a draft: the document, and for a variant its resolved base. */
export interface LoadedDraft {
  draft: Draft;
  doc: DesignDoc;
  /** The variant's resolved base (null for a regional protocol draft). */
  base: ResolvedProtocol | null;
  /** Changes of the stored variant file that no longer apply to its base. */
  problems: Problem[];
  /** A regional protocol draft's forms as the version it continues has them (empty for a variant). */
  previousForms: DraftForms;
}

/**
 * Loads a draft as an editable document. A variant's changes are applied to its published base
 * in the browser; a regional protocol draft gets the forms of the version it continues, since
 * its file names forms by id.
 */
export async function loadDraft(draftId: string): Promise<LoadedDraft> {
  const draft = await designerApi.draft(draftId);
  const file = draft.file;
  if (file.kind === 'variant') {
    const ref = requireRef(file.base);
    const base = await designerApi.protocol(ref.id, ref.version);
    const { doc, problems } = applyVariant(base, file);
    return { draft, doc, base, problems, previousForms: {} };
  }
  const { $schema: _s, ...rest } = file;
  const previous =
    file.version > 1 ? await designerApi.protocol(file.id, file.version - 1).catch(() => null) : null;
  const previousForms = previous?.forms ?? {};
  const doc: DesignDoc = {
    ...rest,
    forms: { ...previousForms, ...draft.forms },
    // A protocol's first version has no earlier one: the server says which invariants apply.
    invariantsInForce: previous?.invariantsInForce ?? draft.invariantsInForce,
  };
  return { draft, doc, base: null, problems: [], previousForms };
}

/**
 * What to store for the document: a variant's file of changes; or a regional protocol's file
 * without its embedded parts, and the forms it adds or edits (compared with the version it
 * continues, each edited one a version up; "$schema" is left out, as the server refuses "$" keys).
 */
export function fileFor(
  loaded: LoadedDraft,
  doc: DesignDoc,
): { file: DraftFile; forms?: DraftForms; inexpressible: InexpressibleChange[] } {
  const current = loaded.draft.file;
  if (current.kind === 'variant' && loaded.base) {
    return variantFileFor(loaded.base, doc, {
      id: current.id,
      version: current.version,
      jurisdiction: current.jurisdiction,
      base: current.base,
    });
  }
  const { forms: all, invariantsInForce: _i, base: _b, ...file } = doc;
  const forms: DraftForms = {};
  for (const [id, form] of Object.entries(all)) {
    const { $schema: _s, ...own } = form as typeof form & { $schema?: string };
    const before = loaded.previousForms[id] as (typeof form & { $schema?: string }) | undefined;
    const { $schema: _p, ...previous } = before ?? {};
    if (before && sameJson(own, previous)) continue;
    // An edited form is a new version of it: cases of the earlier protocol version keep the old one.
    forms[id] = before && own.version <= before.version ? { ...own, version: before.version + 1 } : own;
  }
  return { file: { ...file, kind: 'protocol' }, forms, inexpressible: [] };
}

export type SaveStatus =
  | { kind: 'saved'; at: string }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'conflict'; message: string }
  /** The save failed; `error` is said in the page's language where it is shown. */
  | { kind: 'error'; error: unknown };

/**
 * Saves the draft as the designer edits: a PUT with the revision last seen, a moment after the
 * last edit (one request in flight at a time), and at once when the editor goes away (a link, the
 * back button) with an edit the timer had not saved yet. A stale revision (409) means someone else
 * saved: saving stops and the designer is told, nothing is overwritten.
 */
export function useAutosave(
  loaded: LoadedDraft,
  doc: DesignDoc,
  delayMs = 800,
): {
  status: SaveStatus;
  revision: number;
  saveNow: () => Promise<boolean>;
  /** Whether the server lacks an edit (not yet sent, or on its way); false once saving has stopped on a conflict. */
  hasUnsaved: () => boolean;
  inexpressible: InexpressibleChange[];
  /** What the server found in the last saved version. */
  serverProblems: Problem[];
} {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: loaded.draft.updatedAt });
  const revision = useRef(loaded.draft.revision);
  const savedFile = useRef(JSON.stringify({ file: loaded.draft.file, forms: loaded.draft.forms ?? {} }));
  const inFlight = useRef<Promise<boolean> | null>(null);
  const latest = useRef(doc);
  latest.current = doc;
  /** The document the server has, as far as the page knows. */
  const savedDoc = useRef(doc);
  const [inexpressible, setInexpressible] = useState<InexpressibleChange[]>([]);
  const conflicted = useRef(false);
  const [serverProblems, setServerProblems] = useState<Problem[]>(loaded.draft.problems);

  const saveNow = useCallback(async (): Promise<boolean> => {
    if (conflicted.current) return false;
    // Several callers (the timer, a link, publishing) may wait for the same save: each waits until
    // none is in flight, so two never send the same revision.
    while (inFlight.current) await inFlight.current;
    if (conflicted.current) return false;
    const current = latest.current;
    const { file, forms, inexpressible: lost } = fileFor(loaded, current);
    setInexpressible(lost);
    const text = JSON.stringify({ file, forms: forms ?? {} });
    if (text === savedFile.current) {
      savedDoc.current = current;
      setStatus((s) => (s.kind === 'pending' ? { kind: 'saved', at: loaded.draft.updatedAt } : s));
      return true;
    }
    setStatus({ kind: 'saving' });
    const run = (async () => {
      try {
        const saved = await designerApi.saveDraft(loaded.draft.id, file, revision.current, forms);
        revision.current = saved.revision;
        savedFile.current = text;
        savedDoc.current = current;
        setServerProblems(saved.problems);
        setStatus({ kind: 'saved', at: saved.updatedAt });
        return true;
      } catch (e) {
        // Only a stale revision means someone else saved; another 409 (the id taken meanwhile) is
        // said as the refusal it is.
        if (e instanceof ApiError && e.code === 'stale-revision') {
          conflicted.current = true;
          setStatus({ kind: 'conflict', message: e.message });
        } else setStatus({ kind: 'error', error: e });
        return false;
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = run;
    return run;
  }, [loaded]);

  // The file is worked out when the timer fires, not on every keystroke.
  const first = useRef(true);
  useEffect(() => {
    if (conflicted.current) return;
    if (first.current) {
      first.current = false;
      setInexpressible(fileFor(loaded, doc).inexpressible);
      return;
    }
    setStatus({ kind: 'pending' });
    const timer = setTimeout(() => void saveNow(), delayMs);
    return () => clearTimeout(timer);
  }, [doc, loaded, delayMs, saveNow]);

  const hasUnsaved = useCallback(
    () => !conflicted.current && (inFlight.current !== null || latest.current !== savedDoc.current),
    [],
  );
  // Leaving the editor clears the timer above: what it would have saved is saved now instead.
  const flush = useRef(saveNow);
  flush.current = saveNow;
  useEffect(
    () => () => {
      if (hasUnsaved()) void flush.current();
    },
    [hasUnsaved],
  );

  return { status, revision: revision.current, saveNow, hasUnsaved, inexpressible, serverProblems };
}
