import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { problemText } from '@ruta/protocol';
import type { Lang, Problem } from '@ruta/protocol';
import { ApiError } from '../../api/ApiError.js';
import { useLang } from '../../i18n/useLang.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { describeError } from '../../ui/ErrorMessage.js';
import { designerApi, refOf } from '../api/designerApi.js';
import { loadDraft, useAutosave } from '../state/useDraftSession.js';
import type { LoadedDraft, SaveStatus } from '../state/useDraftSession.js';
import { useEditor } from '../state/useEditor.js';
import { useSaveBeforeLeaving } from '../state/useSaveBeforeLeaving.js';
import { EditorView, type EditorTab } from '../components/EditorView.js';
import { lintDesignDoc } from '../model/lintDesignDoc.js';
import { publishProblems } from '../model/publishProblems.js';
import { useLoad } from './useLoad.js';

/** A draft open in the editor: loaded from the server, saved as it is edited, published from here. */
export function DraftEditorPage() {
  const { t } = useTranslation('designer');
  const { t: tApp } = useTranslation();
  const { draftId = '' } = useParams();
  const [loaded, reload] = useLoad(() => loadDraft(draftId), draftId);
  if (loaded.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (loaded.status === 'error')
    return isMissingDraft(loaded.error) ? (
      <p className="dz-error" role="alert">
        {t('editor.noSuchDraft')}{' '}
        <Link to="../.." relative="path">
          {t('editor.backToList')}
        </Link>
      </p>
    ) : (
      <p className="dz-error" role="alert">
        {describeError(loaded.error, tApp)} <button onClick={reload}>{t('common.retry')}</button>
      </p>
    );
  return (
    <DraftEditor key={`${draftId}:${loaded.value.draft.revision}`} loaded={loaded.value} onReload={reload} />
  );
}

/**
 * An address that names no draft of the designer's: one the server does not find (published
 * meanwhile, another country's), or one that is not a draft id at all (/designer/drafts/diff).
 */
function isMissingDraft(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const detail = error.details[0] as { what?: unknown; in?: unknown } | undefined;
  return (
    (error.code === 'not-found' && detail?.what === 'draft') ||
    (error.code === 'invalid-input' && detail?.in === 'path')
  );
}

/** Why publishing did not happen: the draft's problems, its save failing, or another refusal. */
type Refusal =
  { kind: 'problems'; problems: Problem[] } | { kind: 'unsaved' } | { kind: 'error'; error: unknown };

function DraftEditor({ loaded, onReload }: { loaded: LoadedDraft; onReload: () => void }) {
  const { t } = useTranslation('designer');
  const { t: tApp } = useTranslation();
  const { lang, pick } = useLang();
  const editor = useEditor(loaded.doc);
  const { status, saveNow, hasUnsaved, inexpressible, serverProblems } = useAutosave(loaded, editor.doc);
  // A link followed right after an edit waits for it to be saved; after a failed save (said on
  // the page) the next click goes.
  useSaveBeforeLeaving(() => status.kind !== 'error' && hasUnsaved(), saveNow);
  const heading = usePageTitle(`${t('editor.title')}: ${pick(editor.doc.title)}`);
  const [publishing, setPublishing] = useState(false);
  const [published, setPublished] = useState<string | null>(null);
  const [refused, setRefused] = useState<Refusal | null>(null);
  // A new object each time the banner asks for a tab, so asking twice opens it twice.
  const [showTab, setShowTab] = useState<{ tab: EditorTab } | null>(null);

  // Leaving with edits the server does not have asks first: edits on their way, and edits whose
  // save failed (too large, the network down), which a reload would otherwise throw away.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (hasUnsaved()) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [hasUnsaved]);

  const publish = async () => {
    setPublishing(true);
    setRefused(null);
    try {
      if (!(await saveNow())) {
        setRefused({ kind: 'unsaved' });
        return;
      }
      const version = await designerApi.publishDraft(loaded.draft.id);
      setPublished(refOf(version));
    } catch (e) {
      // The server's problems, with its note that the file fails the schema (naming an internal
      // path) replaced by what the page's own checks find wrong.
      if (e instanceof ApiError && e.status === 422)
        setRefused({
          kind: 'problems',
          problems: publishProblems(e.details as Problem[], lintDesignDoc(editor.doc)),
        });
      else setRefused({ kind: 'error', error: e });
    } finally {
      setPublishing(false);
    }
  };

  if (published) {
    const file = loaded.draft.file;
    // A protocol's first version has nothing before it to compare with.
    const base =
      file.kind === 'variant' ? file.base : file.version > 1 ? `${file.id}@${file.version - 1}` : null;
    return (
      <section className="dz-page" data-testid="published">
        <h1 ref={heading} tabIndex={-1}>
          {t('editor.publishedTitle', { ref: published })}
        </h1>
        <p role="status">{t('editor.publishedBody')}</p>
        <p className="dz-row">
          {base && (
            // From /designer/drafts/:draftId up to /designer, then its comparison page.
            <Link
              to={`../../diff?a=${encodeURIComponent(base)}&b=${encodeURIComponent(published)}`}
              relative="path"
              data-testid="compare-published"
            >
              {t('editor.compareWith', { base })}
            </Link>
          )}
          <Link to="../.." relative="path">
            {t('editor.backToList')}
          </Link>
        </p>
      </section>
    );
  }

  return (
    <section className="dz-page dz-page-editor">
      <h1 ref={heading} tabIndex={-1} className="dz-editor-title">
        {pick(editor.doc.title)} <code>{refOf(loaded.draft.file)}</code>
      </h1>
      {loaded.problems.length > 0 && (
        <div className="dz-error" role="alert">
          <p>{t('editor.changesDoNotApply')}</p>
          <ul>
            {loaded.problems.map((p, i) => (
              <ProblemItem key={i} problem={p} lang={lang} />
            ))}
          </ul>
        </div>
      )}
      {refused && (
        <div className="dz-error" role="alert" data-testid="publish-refused">
          {refused.kind === 'unsaved' ? (
            <p>{t('editor.saveFirst')}</p>
          ) : refused.kind === 'error' ? (
            <p>{t('editor.publishFailed', { reason: describeError(refused.error, tApp) })}</p>
          ) : (
            <>
              <p>{t('editor.publishRefusedFix', { count: refused.problems.length })}</p>
              <ul>
                {refused.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                  <ProblemItem key={i} problem={p} lang={lang} />
                ))}
              </ul>
              {refused.problems.length > SHOWN_PROBLEMS && (
                <p>{t('editor.publishMore', { count: refused.problems.length - SHOWN_PROBLEMS })}</p>
              )}
              <p>
                {t('editor.publishSeeVerify')}{' '}
                <button type="button" name="open-verify" onClick={() => setShowTab({ tab: 'verify' })}>
                  {t('editor.openVerify')}
                </button>
              </p>
            </>
          )}
        </div>
      )}
      <EditorView
        editor={editor}
        lang={lang}
        base={loaded.base}
        inexpressible={inexpressible}
        serverProblems={serverProblems}
        showTab={showTab}
        toolbar={
          <>
            <SaveIndicator status={status} onReload={onReload} />
            <button
              type="button"
              name="publish"
              className="dz-primary"
              disabled={publishing || status.kind === 'conflict'}
              onClick={() => void publish()}
            >
              {publishing ? t('editor.publishing') : t('editor.publish')}
            </button>
          </>
        }
      />
    </section>
  );
}

/** How many problems the refused-publish banner lists; the Verification tab has them all. */
const SHOWN_PROBLEMS = 3;

/** A problem of the draft as stored, in the page's language: what is wrong, and what to do. */
function ProblemItem({ problem, lang }: { problem: Problem; lang: Lang }) {
  const { message, hint } = problemText(problem, lang);
  return (
    <li>
      {message}
      {hint && <span className="dz-hint"> {hint}</span>}
    </li>
  );
}

function SaveIndicator({ status, onReload }: { status: SaveStatus; onReload: () => void }) {
  const { t } = useTranslation('designer');
  const { t: tApp } = useTranslation();
  switch (status.kind) {
    case 'saved':
      return (
        <span className="dz-save" role="status" data-save="saved">
          ✓ {t('save.saved')}
        </span>
      );
    case 'pending':
    case 'saving':
      return (
        <span className="dz-save" role="status" data-save={status.kind}>
          … {t('save.saving')}
        </span>
      );
    case 'conflict':
      return (
        <span className="dz-save dz-error" role="alert" data-save="conflict">
          {t('save.conflict')}{' '}
          <button type="button" onClick={onReload}>
            {t('save.reload')}
          </button>
        </span>
      );
    case 'error':
      return (
        <span className="dz-save dz-error" role="alert" data-save="error">
          {t('save.error', { message: describeError(status.error, tApp) })}
        </span>
      );
  }
}
