import { useCallback, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type Form from '@rjsf/core';
import type { ErrorSchema } from '@rjsf/utils';
import type { AvailableAction, EventRecord, Rejection } from '@ruta/engine';
import { getState, handoverAllowedAt, handoverStages, type Country, type Text } from '@ruta/protocol';
import { api } from '../api/api.js';
import { ApiError } from '../api/ApiError.js';
import { useUser } from '../auth/AuthContext.js';
import { fieldAt } from '../forms/fieldAt.js';
import { hasInput } from '../forms/hasInput.js';
import { rejectionsToErrorSchema, fieldPath } from '../forms/rejectionsToErrorSchema.js';
import type { StepFormData } from '../forms/StepForm.js';
import { formatDateTime } from '../format/formatDateTime.js';
import { useLang } from '../i18n/useLang.js';
import { HomeLink } from '../layout/HomeLink.js';
import { usePageTitle } from '../layout/usePageTitle.js';
import { LeaveGuard } from '../ui/LeaveGuard.js';
import { AuditPanel } from '../audit/AuditPanel.js';
import { Deadlines } from './Deadlines.js';
import { describeCaseLoadError } from './describeCaseLoadError.js';
import { namedTimers } from './delayedTransition.js';
import { ActionBar } from './ActionBar.js';
import { HandoverPanel } from './HandoverPanel.js';
import { LinkedCases } from './LinkedCases.js';
import { planPanels } from './planPanels.js';
import { formOfEvent } from './formOfEvent.js';
import { RecordedData, type FormRecords } from './RecordedData.js';
import { shareableFields } from './shareableFields.js';
import { StatechartView } from './StatechartView.js';
import { stateValueToPaths, visitedPaths } from './statePaths.js';
import { StepPanel } from './StepPanel.js';
import { refusalHeading, StepRefusal, type Refusal } from './StepRefusal.js';
import { Timeline } from './Timeline.js';
import { useCaseData } from './useCaseData.js';
import { versionOfEvent } from './versionsOfHistory.js';

/** A case: where it stands, the form of its current step and the actions, its record and history. */
export default function CasePage() {
  const { caseId = '' } = useParams();
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const user = useUser();
  const { data, error, reload } = useCaseData(caseId);
  const [formData, setFormData] = useState<Record<string, StepFormData>>({});
  /** The server's reasons against each form, by form id: placed under its fields at render, in the page's language. */
  const [serverErrors, setServerErrors] = useState<Record<string, Rejection[]>>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  /** An action apart from the current steps whose form the worker opened (e.g. an objection). */
  const [openAction, setOpenAction] = useState<string | null>(null);
  const formRefs = useRef<Record<string, Form | null>>({});
  const reasonsRef = useRef<HTMLDivElement>(null);
  const title = data ? pick(data.protocol.title) : t('case.loading');
  const headingRef = usePageTitle(title);

  const fieldLabel = useCallback(
    (form: string, path: string, message: string, keyword: string) => {
      const def = data?.protocol.forms[form];
      if (!def) return null;
      const field = fieldAt(def.schema, fieldPath(path, keyword, message));
      return field ? pick(field['x-label'] as Text | undefined) || null : null;
    },
    [data, pick],
  );

  // Said in the language of the page now: recomputed when the worker switches language.
  const extraErrors = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(serverErrors)
          .filter(([, rejections]) => rejections.length > 0)
          .map(([form, rejections]) => [form, rejectionsToErrorSchema(rejections, form, t).errorSchema]),
      ) as Record<string, ErrorSchema>,
    [serverErrors, t],
  );

  if (error && !data) {
    // A case whose stored history or document was altered is refused; its audit still answers,
    // and is where an auditor learns what was altered.
    const damaged = damagedProtocol(error);
    return (
      <div className="page">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('case.title')}
        </h1>
        <div className="alert alert-error" role="alert">
          {describeCaseLoadError(error, caseId, t)}
        </div>
        {damaged && (user.role === 'auditor' || user.role === 'supervisor') ? (
          <section aria-labelledby="audit-title" className="card">
            <h2 id="audit-title">{t('audit.title')}</h2>
            <AuditPanel caseId={caseId} ranUnder={damaged} />
          </section>
        ) : null}
        <p>
          <HomeLink />
        </p>
      </div>
    );
  }
  if (!data) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }

  const { view, protocol, history, versions } = data;
  const closed = view.case.status === 'closed';
  // Auditors read cases and never step them: no forms to fill, no handover to send.
  const readOnly = user.role === 'auditor';
  const { panels, others } =
    closed || readOnly
      ? { panels: [], others: [] }
      : planPanels(view.state.active, view.available, (path, event) =>
          Object.hasOwn(getState(protocol.machine, path)?.on ?? {}, event),
        );
  // Forms opened on demand: an other action's, or a step's that has no form of its own.
  const openable = [...others, ...panels.flatMap((p) => (p.form ? [] : p.actions))];
  const opened = openable.find((a) => a.event === openAction && a.form);
  const openForm = (a: AvailableAction) => {
    setOpenAction(a.event);
    requestAnimationFrame(() => document.getElementById('step-open-title')?.focus());
  };

  const act = async (action: AvailableAction) => {
    setRefusal(null);
    let body: { event: string; data?: unknown; expectedVersion: number } = {
      event: action.event,
      expectedVersion: view.version,
    };
    if (action.form) {
      const ref = formRefs.current[action.form];
      // Drop errors the server found on an earlier try: the worker may have fixed them.
      setServerErrors((s) => ({ ...s, [action.form!]: [] }));
      if (ref && !ref.validateForm()) {
        setAnnouncement(t('case.fixErrors'));
        return;
      }
      body = { ...body, data: formData[action.form] ?? {} };
    }
    setBusy(action.event);
    try {
      const next = await api.step(caseId, body);
      if (action.form) setFormData((d) => ({ ...d, [action.form!]: {} }));
      setServerErrors({});
      setOpenAction(null);
      await reload(next);
      const now = next.state.active.map((s) => pick(s.title)).join(', ');
      setAnnouncement(
        next.case.status === 'closed'
          ? t('case.stepDoneClosed', { action: pick(action.title) })
          : t('case.stepDone', { action: pick(action.title), now }),
      );
      requestAnimationFrame(
        () => document.getElementById('step-0-title')?.focus() ?? headingRef.current?.focus(),
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        onRejected(action, err.rejections);
      } else if (err instanceof ApiError && err.status === 401) {
        // The session ended: the page and its answers stay (LeaveGuard holds it) under a dialog
        // to log in again; this says why nothing was recorded and what to do next.
        setRefusal({ kind: 'sessionEnded', action: action.title });
      } else if (err instanceof ApiError && err.status === 409) {
        await reload();
        setRefusal({ kind: 'stale' });
        requestAnimationFrame(() => reasonsRef.current?.focus());
      } else {
        setRefusal({ kind: 'error', error: err });
        requestAnimationFrame(() => reasonsRef.current?.focus());
      }
    } finally {
      setBusy(null);
    }
  };

  const onRejected = (action: AvailableAction, rejections: Rejection[]) => {
    const formId = action.form;
    let placed = 0;
    let rest = rejections;
    if (formId) {
      const mapped = rejectionsToErrorSchema(rejections, formId, t);
      placed = mapped.placed;
      setServerErrors((s) => ({ ...s, [formId]: rejections }));
      rest = rejections.filter((r) => r.code !== 'form-invalid' || mapped.unplaced.includes(r));
    }
    setRefusal(
      rest.length > 0 ? { kind: 'rejections', rejections: rest } : placed > 0 ? null : { kind: 'rejected' },
    );
    setAnnouncement(t('case.rejectedAnnounce', { action: pick(action.title) }));
    requestAnimationFrame(() => {
      const invalid = document.querySelector<HTMLElement>('.step-form [aria-invalid="true"]');
      if (placed > 0 && invalid) invalid.focus();
      else reasonsRef.current?.focus();
    });
  };

  const extraErrorsOf = (form: string): ErrorSchema | undefined => extraErrors[form];
  const unsaved = !closed && Object.values(formData).some(hasInput);
  const activePaths = stateValueToPaths(view.case.value);
  const deadlineOf = (path: string) => view.deadlines.find((d) => d.name === `state:${path}`);

  return (
    <div className="page case-page">
      <div className="case-heading">
        <h1 ref={headingRef} tabIndex={-1}>
          {title}
        </h1>
        <p className="case-sub">
          <span>{t('case.number', { id: view.case.id })}</span>
          <span>{t(`countries.${view.case.country}`)}</span>
          <span>{t('case.version', { version: view.protocol.version })}</span>
          <span>{t('case.opened', { date: formatDateTime(view.case.openedAt, lang) })}</span>
          {closed ? <span className="badge badge-closed">{t('case.closed')}</span> : null}
        </p>
      </div>
      <p role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
      <LeaveGuard when={unsaved} />
      <div className="case-layout">
        <div className="case-main">
          {closed ? (
            <section className="step-panel closed-panel" aria-labelledby="step-0-title">
              <h2 id="step-0-title" tabIndex={-1}>
                {t('case.closedTitle')}
              </h2>
              <p>{t('case.closedBody', { date: formatDateTime(view.case.updatedAt, lang) })}</p>
            </section>
          ) : null}
          {readOnly && !closed ? <p className="alert alert-info">{t('case.readOnly')}</p> : null}
          {panels.map((panel, i) => (
            <StepPanel
              key={panel.state.path}
              index={i}
              state={panel.state}
              meta={getState(protocol.machine, panel.state.path)?.meta}
              form={panel.form ? (protocol.forms[panel.form] ?? null) : null}
              deadline={panel.state.deadline ?? deadlineOf(panel.state.path)}
              actions={panel.actions}
              formData={panel.form ? (formData[panel.form] ?? {}) : {}}
              onFormChange={(d) => panel.form && setFormData((all) => ({ ...all, [panel.form!]: d }))}
              extraErrors={panel.form ? extraErrorsOf(panel.form) : undefined}
              formRef={(f) => {
                if (panel.form) formRefs.current[panel.form] = f;
              }}
              busy={busy}
              onAct={(a) => (a.form && a.form !== panel.form ? openForm(a) : void act(a))}
              fieldLabel={fieldLabel}
            />
          ))}
          {others.length > 0 ? (
            <section className="other-actions" aria-labelledby="other-actions-title">
              <h2 id="other-actions-title">{t('case.otherActions')}</h2>
              <ActionBar
                actions={others}
                busy={busy}
                fieldLabel={fieldLabel}
                label={t('case.otherActions')}
                onAct={(a) => (a.form ? openForm(a) : void act(a))}
              />
            </section>
          ) : null}
          {opened?.form ? (
            <StepPanel
              index={panels.length}
              headingId="step-open-title"
              state={null}
              form={protocol.forms[opened.form] ?? null}
              actions={[opened]}
              formData={formData[opened.form] ?? {}}
              onFormChange={(d) => setFormData((all) => ({ ...all, [opened.form!]: d }))}
              extraErrors={extraErrorsOf(opened.form)}
              formRef={(f) => {
                formRefs.current[opened.form!] = f;
              }}
              busy={busy}
              onAct={(a) => void act(a)}
              onCancel={() => setOpenAction(null)}
              fieldLabel={fieldLabel}
            />
          ) : null}
          <div
            ref={reasonsRef}
            tabIndex={-1}
            role="alert"
            className={refusal ? 'alert alert-error' : 'visually-hidden'}
          >
            {refusal ? (
              <>
                <p className="alert-title">{t(refusalHeading(refusal))}</p>
                <StepRefusal refusal={refusal} fieldLabel={fieldLabel} />
              </>
            ) : null}
          </div>
          <section aria-labelledby="record-title" className="card">
            <h2 id="record-title">{t('record.title')}</h2>
            <RecordedData
              data={view.case.data}
              forms={protocol.forms}
              records={recordsOf(history, versions, protocol)}
              reveal={async (form, field, reason) =>
                (await api.reveal(caseId, { form, field, reason })).value
              }
            />
          </section>
          <section aria-labelledby="timeline-title" className="card">
            <h2 id="timeline-title">{t('timeline.title')}</h2>
            <Timeline
              history={history}
              protocol={protocol}
              versions={versions}
              myId={user.id}
              reveal={async (seq, form, field, reason) =>
                (await api.reveal(caseId, { form, field, reason, seq })).value
              }
            />
          </section>
          {user.role === 'auditor' || user.role === 'supervisor' ? (
            <section aria-labelledby="audit-title" className="card">
              <h2 id="audit-title">{t('audit.title')}</h2>
              <AuditPanel caseId={caseId} ranUnder={view.protocol} />
            </section>
          ) : null}
        </div>
        <aside className="case-aside" aria-label={t('case.aside')}>
          <section aria-labelledby="stands-title" className="card">
            <h2 id="stands-title">{t('chart.title')}</h2>
            <StatechartView
              machine={protocol.machine}
              active={activePaths}
              visited={visitedPaths(history, protocol.machine)}
            />
          </section>
          <section aria-labelledby="deadlines-title" className="card">
            <h2 id="deadlines-title">{t('deadlines.title')}</h2>
            <Deadlines
              deadlines={view.deadlines}
              timers={namedTimers(protocol.machine, view.case.timers ?? [])}
            />
          </section>
          <section aria-labelledby="linked-title" className="card">
            <h2 id="linked-title">{t('linked.title')}</h2>
            <LinkedCases linked={view.linked} />
          </section>
          <section aria-labelledby="handover-title" className="card">
            <h2 id="handover-title">{t('handover.sectionTitle')}</h2>
            <HandoverPanel
              caseCountry={view.case.country as Country}
              handovers={view.handovers}
              preview={shareableFields(view.case.data, protocol.forms)}
              disabled={closed || readOnly}
              stages={{
                allowedHere: handoverAllowedAt(protocol.machine, view.case.value),
                allowedAt: handoverStages(protocol.machine).map((s) => s.title),
              }}
              onHandOver={async (toCountry, note) => {
                await api.handOver(caseId, { toCountry, note });
                await reload();
              }}
            />
          </section>
        </aside>
      </div>
    </div>
  );
}

/** The protocol version of a case refused as damaged (409 case-damaged), when the server could tell it. */
function damagedProtocol(error: unknown): { id: string; version: number } | null {
  if (!(error instanceof ApiError) || error.code !== 'case-damaged') return null;
  const detail = error.details[0];
  const p = typeof detail === 'object' && detail !== null && 'protocol' in detail ? detail.protocol : null;
  if (typeof p !== 'object' || p === null || !('id' in p) || !('version' in p)) return null;
  return typeof p.id === 'string' && typeof p.version === 'number' ? { id: p.id, version: p.version } : null;
}

/** How often each form was recorded, and when last, from the history (each step read by its own version). */
function recordsOf(
  history: EventRecord[],
  versions: ReadonlyMap<string, Parameters<typeof formOfEvent>[0]>,
  current: Parameters<typeof formOfEvent>[0],
): Record<string, FormRecords> {
  const out: Record<string, FormRecords> = {};
  for (const e of history) {
    const form = formOfEvent(versionOfEvent(versions, e, current), e);
    if (form) out[form] = { count: (out[form]?.count ?? 0) + 1, lastAt: e.at };
  }
  return out;
}
