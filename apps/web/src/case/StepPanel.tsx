import type { Ref } from 'react';
import type Form from '@rjsf/core';
import type { ErrorSchema } from '@rjsf/utils';
import type { AvailableAction, Deadline } from '@ruta/engine';
import type { FormDefinition, StateMeta } from '@ruta/protocol';
import { useTranslation } from 'react-i18next';
import type { ActiveState } from '../api/types.js';
import { StepForm, type StepFormData } from '../forms/StepForm.js';
import { useLang } from '../i18n/useLang.js';
import { DueLabel } from '../ui/DueLabel.js';
import { ActionBar } from './ActionBar.js';
import { describeRejection, isBlocking } from './describeRejection.js';

export interface StepPanelProps {
  index: number;
  /** Id of the heading, focused after a step; defaults to step-<index>-title. */
  headingId?: string;
  state: ActiveState | null;
  meta?: StateMeta;
  form: FormDefinition | null;
  deadline?: Deadline;
  actions: AvailableAction[];
  formData: StepFormData;
  onFormChange: (data: StepFormData) => void;
  extraErrors?: ErrorSchema;
  formRef?: Ref<Form>;
  busy: string | null;
  onAct: (action: AvailableAction) => void;
  fieldLabel?: (form: string, path: string, message: string, keyword: string) => string | null;
  /** For a form opened on demand: closes it without sending. */
  onCancel?: () => void;
}

/** One current step: what it is, who acts, by when, its form, and the actions it allows. */
export function StepPanel(p: StepPanelProps) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const title = p.state ? pick(p.state.title) : p.form ? pick(p.form.title) : t('case.otherActions');
  const headingId = p.headingId ?? `step-${p.index}-title`;
  const legal = p.state?.legal ?? p.meta?.legal ?? [];
  // The form is offered only to someone who may send it: a worker whose role (or country) may not
  // is told so before, not after filling it all in.
  const sending = p.form ? p.actions.filter((a) => a.form === p.form!.id) : [];
  const barred = sending.length > 0 && sending.every((a) => !a.ok && a.reasons.some(isBlocking));
  const barredWhy = barred ? sending[0]!.reasons.find(isBlocking)! : null;
  return (
    <section className="step-panel" aria-labelledby={headingId}>
      <header className="step-head">
        <h2 id={headingId} tabIndex={-1} className="step-title">
          {title}
        </h2>
        <dl className="step-meta">
          {p.meta?.institution ? (
            <div>
              <dt>{t('case.institution')}</dt>
              <dd>{pick(p.meta.institution)}</dd>
            </div>
          ) : null}
          {p.deadline ? (
            <div>
              <dt>{t('case.deadline')}</dt>
              <dd>
                <DueLabel dueAt={p.deadline.dueAt} />
              </dd>
            </div>
          ) : null}
          {legal.length > 0 ? (
            <div>
              <dt>{t('case.legal')}</dt>
              <dd className="legal">
                {legal
                  .map((l) => (l.law ? l.law : t('case.seedClause', { seed: l.seed, clause: l.clause })))
                  .join('; ')}
              </dd>
            </div>
          ) : null}
        </dl>
        {p.meta?.description ? <p className="step-description">{pick(p.meta.description)}</p> : null}
      </header>
      {barredWhy ? (
        <p className="alert alert-info step-barred">
          {barredWhy.code === 'role-not-allowed'
            ? t('case.formForRoles', {
                allowed: barredWhy.allowed.map((r) => t(`roles.${r}`, { defaultValue: r })).join(', '),
              })
            : t('case.formNotYours', { why: describeRejection(barredWhy, t, lang) })}
        </p>
      ) : p.form ? (
        <StepForm
          form={p.form}
          formData={p.formData}
          onChange={p.onFormChange}
          extraErrors={p.extraErrors}
          idPrefix={`f${p.index}`}
          formRef={p.formRef}
          disabled={p.busy !== null}
        />
      ) : null}
      {p.actions.length > 0 ? (
        <ActionBar
          actions={p.actions}
          busy={p.busy}
          onAct={p.onAct}
          fieldLabel={p.fieldLabel}
          label={t('actions.groupLabel', { step: title })}
        />
      ) : p.state ? (
        <p className="muted">{t('actions.noneHere')}</p>
      ) : null}
      {p.onCancel ? (
        <button type="button" className="btn btn-link" onClick={p.onCancel}>
          {t('common.cancel')}
        </button>
      ) : null}
    </section>
  );
}
