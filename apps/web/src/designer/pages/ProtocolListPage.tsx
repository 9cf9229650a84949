import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Country, ProtocolFile } from '@ruta/protocol';
import { ApiError } from '../../api/ApiError.js';
import { useUser } from '../../auth/AuthContext.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { useLang } from '../../i18n/useLang.js';
import { describeError } from '../../ui/ErrorMessage.js';
import { designerApi, refOf, requireRef } from '../api/designerApi.js';
import { variantFileFor } from '../model/variantFile.js';
import { newProtocolSkeleton } from '../model/newProtocolSkeleton.js';
import { NewProtocolForm } from '../components/NewProtocolForm.js';
import { DiscardDraftDialog } from '../components/DiscardDraftDialog.js';
import type { ProtocolListItem } from '../api/designerApi.js';
import { useLoad } from './useLoad.js';

/**
 * The designer's start page: every published protocol and variant with its versions, the
 * designer's drafts, and the ways to begin: a new protocol from scratch, continue a protocol as a
 * new draft version, derive a national variant, compare two versions. A draft begun by mistake
 * is discarded from its card, after a dialog that says what goes with it.
 */
export function ProtocolListPage() {
  const { t } = useTranslation('designer');
  const { t: tApp } = useTranslation();
  const { pick } = useLang();
  const user = useUser();
  const navigate = useNavigate();
  const heading = usePageTitle(t('list.title'));
  const [list, reload] = useLoad(() => designerApi.protocols(), 'list');
  const [busy, setBusy] = useState<string | null>(null);
  /** Why the last action failed, said in the page's language. */
  const [error, setError] = useState<{ cause: unknown } | null>(null);
  const [compareA, setCompareA] = useState('');
  const [compareB, setCompareB] = useState('');
  const [creating, setCreating] = useState(false);
  /** The draft the discard dialog asks about, and how its discard went. */
  const [discarding, setDiscarding] = useState<ProtocolListItem | null>(null);
  const [discardBusy, setDiscardBusy] = useState(false);
  const [discardError, setDiscardError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: 'done' | 'gone' | 'stale'; ref: string } | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  // Once the list shows the outcome of a discard, focus moves to what it says (the dialog and the
  // button that opened it are gone).
  useEffect(() => {
    if (notice && list.status === 'ok') noticeRef.current?.focus();
  }, [notice, list.status]);

  const discard = async (draft: ProtocolListItem) => {
    const finish = (kind: 'done' | 'gone' | 'stale') => {
      setNotice({ kind, ref: refOf(draft) });
      setDiscarding(null);
      setDiscardBusy(false);
      reload();
    };
    setDiscardBusy(true);
    setDiscardError(null);
    try {
      await designerApi.discardDraft(draft.draftId!, draft.revision!);
      finish('done');
    } catch (e) {
      // Gone already (published or discarded in another tab), or saved since the list was read:
      // either way the list is read again, so what it shows is what there is.
      if (e instanceof ApiError && e.status === 404) finish('gone');
      else if (e instanceof ApiError && e.code === 'stale-revision') finish('stale');
      else {
        setDiscardError(describeError(e, tApp));
        setDiscardBusy(false);
      }
    }
  };

  const act = async (key: string, f: () => Promise<string>) => {
    setBusy(key);
    setError(null);
    try {
      navigate(await f());
    } catch (e) {
      setError({ cause: e });
      setBusy(null);
    }
  };

  if (list.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (list.status === 'error')
    return (
      <p className="dz-error" role="alert">
        {describeError(list.error, tApp)} <button onClick={reload}>{t('common.retry')}</button>
      </p>
    );
  const published = list.value.filter((p) => p.status === 'published');
  const drafts = list.value.filter((p) => p.status === 'draft');
  const families = groupBy(published, (p) => p.id);
  const latest = (id: string) => Math.max(...(families.get(id) ?? []).map((p) => p.version));
  const canDraftRegional = user.country === 'REGIONAL';
  // A national designer derives variants for their own country only (a regional one derives none).
  const country = user.country === 'REGIONAL' ? null : (user.country as Country);
  /** The caller's draft of a protocol id, if one is open: a second one would only compete with it. */
  const draftOf = (id: string) => drafts.find((d) => d.id === id);

  return (
    <section className="dz-page" data-testid="designer-list">
      <h1 ref={heading} tabIndex={-1}>
        {t('list.title')}
      </h1>
      {error && (
        <p className="dz-error" role="alert">
          {describeError(error.cause, tApp)}
        </p>
      )}
      {notice && (
        <p
          ref={noticeRef}
          tabIndex={-1}
          className={notice.kind === 'stale' ? 'dz-error' : 'dz-notice'}
          role={notice.kind === 'stale' ? 'alert' : 'status'}
          data-testid="discard-notice"
        >
          {t(`list.discard.${notice.kind}`, { ref: notice.ref })}
        </p>
      )}
      {creating ? (
        <NewProtocolForm
          jurisdiction={user.country}
          taken={{ published: [...families.keys()], drafts: drafts.map((d) => d.id) }}
          onCancel={() => setCreating(false)}
          onCreate={async (spec) => {
            const { file, forms } = newProtocolSkeleton(spec);
            const draft = await designerApi.createDraft(file, forms);
            navigate(`drafts/${draft.id}`);
          }}
        />
      ) : (
        <p>
          <button
            type="button"
            name="new-protocol"
            className="dz-primary"
            disabled={busy !== null}
            onClick={() => setCreating(true)}
          >
            {t('newProtocol.open')}
          </button>
        </p>
      )}
      <h2>{t('list.drafts')}</h2>
      {drafts.length === 0 ? (
        <p className="dz-hint">{t('list.noDrafts')}</p>
      ) : (
        <ul className="dz-cards">
          {drafts.map((d) => (
            <li key={d.draftId} className="dz-card">
              <Link to={`drafts/${d.draftId}`} data-draft={refOf(d)}>
                {pick(d.title)} <code>{refOf(d)}</code>
              </Link>
              {d.base && <span className="dz-hint"> {t('list.basedOn', { base: d.base })}</span>}
              {d.revision !== undefined && (
                <button
                  type="button"
                  name="discard-draft"
                  className="dz-danger dz-card-action"
                  data-discard={refOf(d)}
                  aria-label={t('list.discard.openLabel', { ref: refOf(d) })}
                  disabled={busy !== null}
                  onClick={() => {
                    setDiscardError(null);
                    setNotice(null);
                    setDiscarding(d);
                  }}
                >
                  {t('list.discard.open')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('list.published')}</h2>
      <ul className="dz-cards">
        {[...families.entries()].map(([id, versions]) => {
          const newest = versions.find((v) => v.version === latest(id))!;
          return (
            <li key={id} className="dz-card" data-protocol={id}>
              <h3>
                {pick(newest.title)} <code>{id}</code>
              </h3>
              <p className="dz-hint">
                {newest.jurisdiction === 'REGIONAL'
                  ? t('protocol.regional')
                  : t(`countries.${newest.jurisdiction}`)}
                {newest.base && ` · ${t('list.basedOn', { base: newest.base })}`} ·{' '}
                {t('list.versions', {
                  list: versions
                    .map((v) => v.version)
                    .sort((a, b) => a - b)
                    .join(', '),
                })}
              </p>
              <div className="dz-row dz-wrap">
                {(newest.jurisdiction === user.country ||
                  (canDraftRegional && newest.jurisdiction === 'REGIONAL')) &&
                  (draftOf(id) ? (
                    <DraftLink draft={draftOf(id)!} />
                  ) : (
                    <button
                      type="button"
                      disabled={busy !== null}
                      onClick={() =>
                        void act(`draft:${id}`, async () => {
                          const resolved = await designerApi.protocol(id, newest.version);
                          if (resolved.base) {
                            // A variant's next version starts from the changes of this one.
                            const ref = requireRef(resolved.base);
                            const base = await designerApi.protocol(ref.id, ref.version);
                            const { file } = variantFileFor(base, resolved, {
                              id,
                              version: newest.version + 1,
                              jurisdiction: resolved.jurisdiction as Country,
                              base: resolved.base,
                            });
                            const draft = await designerApi.createDraft(file);
                            return `drafts/${draft.id}`;
                          }
                          const { forms: _f, invariantsInForce: _i, base: _b, ...rest } = resolved;
                          const file: ProtocolFile = {
                            ...rest,
                            kind: 'protocol',
                            version: newest.version + 1,
                          };
                          const draft = await designerApi.createDraft(file);
                          return `drafts/${draft.id}`;
                        })
                      }
                    >
                      {t('list.newVersion', { version: newest.version + 1 })}
                    </button>
                  ))}
                {newest.jurisdiction === 'REGIONAL' &&
                  country !== null &&
                  (draftOf(`${id}-${country.toLowerCase()}`) ? (
                    <DraftLink draft={draftOf(`${id}-${country.toLowerCase()}`)!} />
                  ) : (
                    <button
                      type="button"
                      name={`derive-${id}`}
                      disabled={busy !== null}
                      onClick={() =>
                        void act(`variant:${id}`, async () => {
                          const draft = await designerApi.deriveVariant(id, newest.version, {
                            jurisdiction: country,
                          });
                          return `drafts/${draft.id}`;
                        })
                      }
                    >
                      {t('list.derive', { country: t(`countries.${country}`) })}
                    </button>
                  ))}
              </div>
            </li>
          );
        })}
      </ul>
      <h2>{t('list.compare')}</h2>
      <div className="dz-row dz-wrap">
        {[[compareA, setCompareA, 'compare-a'] as const, [compareB, setCompareB, 'compare-b'] as const].map(
          ([value, set, name]) => (
            <label key={name}>
              {name === 'compare-a' ? t('list.compareA') : t('list.compareB')}
              <select name={name} value={value} onChange={(e) => set(e.target.value)}>
                <option value="">{t('list.choose')}</option>
                {published.map((p) => (
                  <option key={refOf(p)} value={refOf(p)}>
                    {pick(p.title)} ({refOf(p)})
                  </option>
                ))}
              </select>
            </label>
          ),
        )}
        <button
          type="button"
          name="compare"
          disabled={!compareA || !compareB}
          onClick={() => navigate(`diff?a=${encodeURIComponent(compareA)}&b=${encodeURIComponent(compareB)}`)}
        >
          {t('list.compareGo')}
        </button>
      </div>
      <DiscardDraftDialog
        draft={discarding}
        busy={discardBusy}
        error={discardError}
        onCancel={() => setDiscarding(null)}
        onDiscard={() => discarding && void discard(discarding)}
      />
    </section>
  );
}

/** The way back into a draft already begun, where a button would begin another of the same id. */
function DraftLink({ draft }: { draft: ProtocolListItem }) {
  const { t } = useTranslation('designer');
  return (
    <Link to={`drafts/${draft.draftId}`} data-open-draft={refOf(draft)}>
      {t('list.openDraft', { version: draft.version })}
    </Link>
  );
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of items) out.set(key(i), [...(out.get(key(i)) ?? []), i]);
  return out;
}

export type { ProtocolListItem };
