import { useTranslation } from 'react-i18next';
import type { Rejection } from '@ruta/engine';
import type { Text } from '@ruta/protocol';
import { useLang } from '../i18n/useLang.js';
import { describeError } from '../ui/ErrorMessage.js';
import { describeRejection } from './describeRejection.js';
import { ReasonItems } from './ReasonItems.js';

/**
 * Why a step was not recorded, kept as the server gave it (not as text), so it reads in the
 * language the page is in now, also after the worker switches language.
 */
export type Refusal =
  | { kind: 'rejections'; rejections: Rejection[] }
  | { kind: 'rejected' }
  | { kind: 'stale' }
  | { kind: 'sessionEnded'; action: Text }
  | { kind: 'error'; error: unknown };

/**
 * The line above a refusal's items: "Antes hace falta:" when every item is something to do first
 * (a field to fill in, a condition to meet, worded as reasons.*), as the action bar says it;
 * otherwise "No se pudo registrar el paso:" followed by what happened (the case is closed, …).
 */
export function refusalHeading(refusal: Refusal): 'case.notDoneNeeds' | 'case.notDone' {
  const needs =
    refusal.kind === 'rejections' &&
    refusal.rejections.every((r) => r.code === 'guard-failed' || r.code === 'form-invalid');
  return needs ? 'case.notDoneNeeds' : 'case.notDone';
}

export type FieldLabel = (form: string, path: string, message: string, keyword: string) => string | null;

/** The items of a refusal, in the page's language; a guard's alternatives grouped as "one of these". */
export function StepRefusal({ refusal, fieldLabel }: { refusal: Refusal; fieldLabel?: FieldLabel }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  switch (refusal.kind) {
    case 'rejections':
      return (
        <ReasonItems
          reasons={refusal.rejections}
          describe={(r) => describeRejection(r, t, lang, fieldLabel)}
        />
      );
    case 'rejected':
      return <OneItem text={t('case.rejected')} />;
    case 'stale':
      return <OneItem text={t('errors.stale')} />;
    case 'sessionEnded':
      return <OneItem text={t('case.sessionEnded', { action: pick(refusal.action) })} />;
    case 'error':
      return <OneItem text={describeError(refusal.error, t)} />;
  }
}

function OneItem({ text }: { text: string }) {
  return (
    <ul>
      <li>{text}</li>
    </ul>
  );
}
