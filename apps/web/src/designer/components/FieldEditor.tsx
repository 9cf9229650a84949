import { useTranslation } from 'react-i18next';
import type { Lang } from '@ruta/protocol';
import type { DesignDoc } from '../model/DesignDoc.js';
import type { Editor } from '../state/useEditor.js';
import { FIELD_KINDS, choicesOf } from '../model/fieldKinds.js';
import type { ChoiceOption, FieldKind } from '../model/fieldKinds.js';
import type { FieldNode } from '../model/readFields.js';
import type { Condition, Scalar } from '../model/formTree.js';
import { setFieldConditions, updateField } from '../model/formEdits.js';
import { pick } from '../i18n/pick.js';
import { TextPair } from './TextPair.js';
import { CommitInput } from './CommitInput.js';

export interface FieldEditorProps {
  doc: DesignDoc;
  formId: string;
  node: FieldNode;
  /** The other fields of the same section: the ones a condition can depend on. */
  siblings: FieldNode[];
  lang: Lang;
  apply: Editor['apply'];
  onSelectField: (path: string | null) => void;
}

/** Everything about one field: key, labels, help, kind, choices, requirement, visibility, privacy flags. */
export function FieldEditor({ doc, formId, node, siblings, lang, apply, onSelectField }: FieldEditorProps) {
  const { t } = useTranslation('designer');
  const c = (k: string) => `field:${formId}:${node.path}:${k}`;
  const choices = choicesOf(node.schema);
  const conditionable = siblings.filter(
    (s) => s.kind === 'yesNo' || s.kind === 'singleChoice' || s.kind === 'number' || s.kind === 'shortText',
  );
  return (
    <section className="dz-fieldeditor" aria-labelledby="dz-field-heading" data-testid="field-editor">
      <h3 id="dz-field-heading">
        {t('field.heading')}: {pick(node.schema['x-label'], lang) || node.key}
      </h3>
      <label>
        {t('field.key')}
        <CommitInput
          name="field-key"
          value={node.key}
          onCommit={(key) => {
            apply((d) => updateField(d, formId, node.path, { key }).doc);
            const renamed = tryPath(() => updateField(doc, formId, node.path, { key }).path);
            if (renamed) onSelectField(renamed);
          }}
        />
        <span className="dz-hint">{t('field.keyHint')}</span>
      </label>
      <TextPair
        name="field-label"
        label={t('field.label')}
        value={node.schema['x-label']}
        required
        onChange={(label) => apply((d) => updateField(d, formId, node.path, { label }).doc, c('label'))}
      />
      <TextPair
        name="field-help"
        label={t('field.help')}
        value={node.schema['x-help']}
        multiline
        onChange={(help) =>
          apply(
            (d) => updateField(d, formId, node.path, { help: help.es || help.en ? help : null }).doc,
            c('help'),
          )
        }
      />
      <label>
        {t('form.kind')}
        <select
          name="field-kind-edit"
          value={node.kind}
          disabled={node.kind === 'other'}
          onChange={(e) =>
            apply((d) => updateField(d, formId, node.path, { kind: e.target.value as FieldKind }).doc)
          }
        >
          {node.kind === 'other' && <option value="other">{t('form.kinds.other')}</option>}
          {FIELD_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`form.kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {choices && (
        <ChoicesEditor
          value={choices}
          onChange={(options) =>
            apply((d) => updateField(d, formId, node.path, { options }).doc, c('options'))
          }
        />
      )}
      <label className="dz-check">
        <input
          type="checkbox"
          name="field-required"
          checked={node.required}
          onChange={(e) =>
            apply((d) => updateField(d, formId, node.path, { required: e.target.checked }).doc)
          }
        />
        {node.visibleWhen ? t('field.requiredWhenShown') : t('field.required')}
      </label>
      <label className="dz-check">
        <input
          type="checkbox"
          name="field-sensitive"
          checked={node.schema['x-sensitive'] === true}
          onChange={(e) =>
            apply((d) => updateField(d, formId, node.path, { sensitive: e.target.checked }).doc)
          }
        />
        {t('field.sensitive')}
      </label>
      <label className="dz-check">
        <input
          type="checkbox"
          name="field-shareable"
          checked={node.schema['x-shareable'] === true}
          onChange={(e) =>
            apply((d) => updateField(d, formId, node.path, { shareable: e.target.checked }).doc)
          }
        />
        {t('field.shareable')}
      </label>
      {node.kind === 'date' ? (
        <label className="dz-check">
          <input
            type="checkbox"
            name="field-past"
            checked={node.schema['x-past'] === true}
            onChange={(e) => apply((d) => updateField(d, formId, node.path, { past: e.target.checked }).doc)}
          />
          {t('field.past')}
        </label>
      ) : null}
      <ConditionEditor
        legend={t('field.visibleWhen')}
        name="visible-when"
        value={node.visibleWhen}
        siblings={conditionable}
        lang={lang}
        onChange={(visibleWhen) => apply((d) => setFieldConditions(d, formId, node.path, { visibleWhen }))}
      />
      <ConditionEditor
        legend={t('field.requiredWhen')}
        name="required-when"
        value={node.requiredWhen}
        siblings={conditionable}
        lang={lang}
        onChange={(requiredWhen) => apply((d) => setFieldConditions(d, formId, node.path, { requiredWhen }))}
      />
    </section>
  );
}

function ChoicesEditor({
  value,
  onChange,
}: {
  value: ChoiceOption[];
  onChange: (v: ChoiceOption[]) => void;
}) {
  const { t } = useTranslation('designer');
  const set = (i: number, patch: Partial<ChoiceOption>) =>
    onChange(value.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <fieldset className="dz-choices">
      <legend>{t('field.choices')}</legend>
      <table>
        <thead>
          <tr>
            <th>{t('field.choiceValue')}</th>
            <th>{t('lang.es')}</th>
            <th>{t('lang.en')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {value.map((o, i) => (
            <tr key={i}>
              <td>
                {/* Applied on leaving the box or Enter: typing a value passes through empty and
                    duplicate values, which a choice may not have. */}
                <CommitInput
                  aria-label={t('field.choiceValue')}
                  name={`choice-value-${i}`}
                  value={o.value}
                  onCommit={(v) => set(i, { value: v })}
                  size={10}
                />
              </td>
              <td>
                <input
                  aria-label={t('lang.es')}
                  value={o.label.es}
                  onChange={(e) => set(i, { label: { ...o.label, es: e.target.value } })}
                />
              </td>
              <td>
                <input
                  aria-label={t('lang.en')}
                  value={o.label.en}
                  onChange={(e) => set(i, { label: { ...o.label, en: e.target.value } })}
                />
              </td>
              <td>
                <button
                  type="button"
                  disabled={value.length === 1}
                  onClick={() => onChange(value.filter((_, j) => j !== i))}
                  aria-label={t('common.remove')}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() =>
          onChange([
            ...value,
            {
              value: `option${value.length + 1}`,
              label: { es: `Opción ${value.length + 1}`, en: `Option ${value.length + 1}` },
            },
          ])
        }
      >
        {t('field.addChoice')}
      </button>
    </fieldset>
  );
}

function ConditionEditor({
  legend,
  name,
  value,
  siblings,
  lang,
  onChange,
}: {
  legend: string;
  name: string;
  value: Condition | undefined;
  siblings: FieldNode[];
  lang: Lang;
  onChange: (c: Condition | null) => void;
}) {
  const { t } = useTranslation('designer');
  const other = value ? siblings.find((s) => s.key === value.field) : undefined;
  const setField = (key: string) => {
    if (key === '') return onChange(null);
    const s = siblings.find((x) => x.key === key)!;
    onChange({ field: key, values: [defaultValue(s)] });
  };
  return (
    <fieldset className="dz-condition" data-condition={name}>
      <legend>{legend}</legend>
      <label>
        {t('field.whenField')}
        <select name={`${name}-field`} value={value?.field ?? ''} onChange={(e) => setField(e.target.value)}>
          <option value="">{t('field.always')}</option>
          {siblings.map((s) => (
            <option key={s.key} value={s.key}>
              {pick(s.schema['x-label'], lang) || s.key}
            </option>
          ))}
        </select>
      </label>
      {value && other && (
        <ValuePicker
          node={other}
          values={value.values}
          lang={lang}
          name={`${name}-value`}
          onChange={(values) => onChange({ field: value.field, values })}
        />
      )}
    </fieldset>
  );
}

/** The value(s) the other field must have: yes/no, one or more of its choices, or a typed value. */
function ValuePicker({
  node,
  values,
  lang,
  name,
  onChange,
}: {
  node: FieldNode;
  values: Scalar[];
  lang: Lang;
  name: string;
  onChange: (v: Scalar[]) => void;
}) {
  const { t } = useTranslation('designer');
  if (node.kind === 'yesNo')
    return (
      <label>
        {t('field.equals')}
        <select name={name} value={String(values[0])} onChange={(e) => onChange([e.target.value === 'true'])}>
          <option value="true">{t('guard.yes')}</option>
          <option value="false">{t('guard.no')}</option>
        </select>
      </label>
    );
  const choices = choicesOf(node.schema);
  if (choices)
    return (
      <fieldset className="dz-plain" data-values={name}>
        <legend>{t('field.isOneOf')}</legend>
        {choices.map((c) => (
          <label key={c.value} className="dz-check">
            <input
              type="checkbox"
              name={`${name}-${c.value}`}
              checked={values.map(String).includes(c.value)}
              onChange={(e) => {
                const next = e.target.checked
                  ? [...values, c.value]
                  : values.filter((v) => String(v) !== c.value);
                if (next.length > 0) onChange(next);
              }}
            />
            {pick(c.label, lang)}
          </label>
        ))}
      </fieldset>
    );
  return (
    <label>
      {t('field.equals')}
      {node.kind === 'number' ? (
        <input
          name={name}
          type="number"
          value={Number(values[0])}
          onChange={(e) => onChange([Number(e.target.value)])}
        />
      ) : (
        <input name={name} value={String(values[0] ?? '')} onChange={(e) => onChange([e.target.value])} />
      )}
    </label>
  );
}

function tryPath(f: () => string): string | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

function defaultValue(node: FieldNode): Scalar {
  if (node.kind === 'yesNo') return true;
  if (node.kind === 'number') return 0;
  return choicesOf(node.schema)?.[0]?.value ?? '';
}
