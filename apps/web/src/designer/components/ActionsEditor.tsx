import { useTranslation } from 'react-i18next';
import { ACTION_TYPES, COUNTRIES } from '@ruta/protocol';
import type { ActionConfig, ActionType, CountryRef, Lang, Problem } from '@ruta/protocol';
import type { DesignDoc } from '../model/DesignDoc.js';
import { anchorPointers } from '../model/anchorPointers.js';
import { AnchorSelect } from './AnchorSelect.js';
import { TextPair } from './TextPair.js';

/** What a setDeadline's "counts from" needs: the document, where these actions are, and the verifier's problems. */
export interface ActionsAnchor {
  doc: DesignDoc;
  lang: Lang;
  /** JSON pointer of this list of actions (see anchorPointers); undefined offers every date-time field. */
  pointer: string | undefined;
  problems?: readonly Problem[];
}

export interface ActionsEditorProps {
  value: ActionConfig[];
  onChange: (actions: ActionConfig[], coalesce?: string) => void;
  /** Form ids a recordForm action may name. */
  forms: string[];
  /** Protocol ids an openLinkedCase action may name. */
  protocols: string[];
  /** For a setDeadline's "counts from": offered are date-time fields of forms recorded before the action. */
  anchor?: ActionsAnchor;
  /** Prefix of the undo-coalescing keys of the text inputs. */
  scope: string;
  legend: string;
}

/** The actions of a transition or of entering/leaving a state: a fixed vocabulary, each with its own small form. */
export function ActionsEditor({
  value,
  onChange,
  forms,
  protocols,
  anchor,
  scope,
  legend,
}: ActionsEditorProps) {
  const { t } = useTranslation('designer');
  const set = (i: number, a: ActionConfig, coalesce?: string) =>
    onChange(
      value.map((x, j) => (j === i ? a : x)),
      coalesce,
    );
  return (
    <fieldset className="dz-actions">
      <legend>{legend}</legend>
      {value.length === 0 && <p className="dz-hint">{t('actions.none')}</p>}
      <ol>
        {value.map((a, i) => (
          <li key={i} className="dz-action">
            <div className="dz-action-head">
              <strong>{t(`actions.type.${a.type}`)}</strong>
              <button
                type="button"
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                aria-label={t('common.remove')}
              >
                ✕
              </button>
            </div>
            <ActionParams
              action={a}
              onChange={(next, c) => set(i, next, c && `${scope}:${i}:${c}`)}
              forms={forms}
              protocols={protocols}
              anchor={anchor}
              index={i}
            />
          </li>
        ))}
      </ol>
      <label>
        {t('actions.add')}
        <select
          value=""
          onChange={(e) => {
            if (e.target.value) onChange([...value, newAction(e.target.value as ActionType)]);
          }}
        >
          <option value="">{t('actions.choose')}</option>
          {ACTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`actions.type.${type}`)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

function ActionParams({
  action,
  onChange,
  forms,
  protocols,
  anchor,
  index,
}: {
  action: ActionConfig;
  onChange: (a: ActionConfig, coalesce?: string) => void;
  forms: string[];
  protocols: string[];
  anchor: ActionsAnchor | undefined;
  index: number;
}) {
  const { t } = useTranslation('designer');
  switch (action.type) {
    case 'recordForm':
      return (
        <label>
          {t('actions.form')}
          <select
            value={action.params?.form ?? ''}
            onChange={(e) =>
              onChange(
                e.target.value
                  ? { type: 'recordForm', params: { form: e.target.value } }
                  : { type: 'recordForm' },
              )
            }
          >
            <option value="">{t('actions.stateForm')}</option>
            {forms.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
      );
    case 'setDeadline':
      return (
        <>
          <label>
            {t('actions.deadlineName')}
            <input
              value={action.params.name}
              onChange={(e) =>
                onChange({ ...action, params: { ...action.params, name: e.target.value } }, 'name')
              }
            />
          </label>
          <label>
            {t('actions.hours')}
            <input
              type="number"
              min={1}
              value={action.params.hours}
              onChange={(e) =>
                onChange(
                  {
                    ...action,
                    params: { ...action.params, hours: Math.max(1, Number(e.target.value) || 1) },
                  },
                  'hours',
                )
              }
            />
          </label>
          <TextPair
            name="deadline-title"
            label={t('actions.deadlineTitle')}
            value={action.params.title}
            required
            onChange={(title) => onChange({ ...action, params: { ...action.params, title } }, 'title')}
          />
          {anchor && (
            <AnchorSelect
              doc={anchor.doc}
              lang={anchor.lang}
              pointer={anchor.pointer === undefined ? '' : anchorPointers.action(anchor.pointer, index)}
              name="deadline-from"
              label={t('actions.deadlineFrom')}
              stepLabel={t('actions.deadlineFromStep')}
              value={action.params.from?.field}
              problems={anchor.problems}
              onChange={(field) => {
                const { from: _from, ...rest } = action.params;
                onChange({ ...action, params: field ? { ...rest, from: { field } } : rest });
              }}
            />
          )}
        </>
      );
    case 'clearDeadline':
      return (
        <label>
          {t('actions.deadlineName')}
          <input
            value={action.params.name}
            onChange={(e) => onChange({ ...action, params: { name: e.target.value } }, 'name')}
          />
        </label>
      );
    case 'notifyFocalPoint':
      return (
        <>
          <CountryPicker
            value={action.params.country}
            onChange={(country) => onChange({ ...action, params: { ...action.params, country } })}
          />
          <TextPair
            name="notify-reason"
            label={t('actions.reason')}
            value={action.params.reason}
            required
            onChange={(reason) => onChange({ ...action, params: { ...action.params, reason } }, 'reason')}
          />
        </>
      );
    case 'openLinkedCase':
      return (
        <>
          <label>
            {t('actions.protocol')}
            <select
              value={action.params.protocol}
              onChange={(e) =>
                onChange({ ...action, params: { ...action.params, protocol: e.target.value } })
              }
            >
              {[...new Set([action.params.protocol, ...protocols])].map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <CountryPicker
            value={action.params.country}
            onChange={(country) => onChange({ ...action, params: { ...action.params, country } })}
          />
          <label>
            {t('actions.relation')}
            <select
              value={action.params.relation}
              onChange={(e) =>
                onChange({
                  ...action,
                  params: { ...action.params, relation: e.target.value as 'referral' | 'handover' },
                })
              }
            >
              <option value="referral">{t('actions.referral')}</option>
              <option value="handover">{t('actions.handover')}</option>
            </select>
          </label>
        </>
      );
  }
}

function CountryPicker({ value, onChange }: { value: CountryRef; onChange: (c: CountryRef) => void }) {
  const { t } = useTranslation('designer');
  return (
    <label>
      {t('actions.country')}
      <select value={value} onChange={(e) => onChange(e.target.value as CountryRef)}>
        <option value="case">{t('actions.countryCase')}</option>
        <option value="origin">{t('actions.countryOrigin')}</option>
        {COUNTRIES.map((c) => (
          <option key={c} value={c}>
            {t(`countries.${c}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

function newAction(type: ActionType): ActionConfig {
  switch (type) {
    case 'recordForm':
      return { type };
    case 'setDeadline':
      return { type, params: { name: 'deadline', hours: 24, title: { es: '', en: '' } } };
    case 'clearDeadline':
      return { type, params: { name: 'deadline' } };
    case 'notifyFocalPoint':
      return { type, params: { country: 'origin', reason: { es: '', en: '' } } };
    case 'openLinkedCase':
      return { type, params: { protocol: 'victim-attention', country: 'case', relation: 'referral' } };
  }
}
