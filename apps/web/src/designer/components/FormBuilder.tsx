import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '@ruta/protocol';
import type { DesignDoc } from '../model/DesignDoc.js';
import type { Editor } from '../state/useEditor.js';
import { FIELD_KINDS } from '../model/fieldKinds.js';
import type { FieldKind } from '../model/fieldKinds.js';
import { readFields } from '../model/readFields.js';
import type { FieldNode } from '../model/readFields.js';
import { addField, moveField, removeField, setFormExample, updateFormMeta } from '../model/formEdits.js';
import { pick } from '../i18n/pick.js';
import { TextPair } from './TextPair.js';
import { FieldEditor } from './FieldEditor.js';
import { FormPreview } from './FormPreview.js';
import '../designer.css';

export interface FormBuilderProps {
  doc: DesignDoc;
  formId: string;
  lang: Lang;
  apply: Editor['apply'];
  /** The selected field's path, if any. */
  field: string | null;
  onSelectField: (field: string | null) => void;
  readOnly?: boolean;
}

/**
 * Builds a form without JSON: add, reorder and remove fields of every kind, in sections and
 * repeating groups; labels and help in both languages; requirement and visibility that depend on
 * another answer; sensitive and shareable flags. A live preview shows the result as case workers
 * will see it.
 */
export function FormBuilder({ doc, formId, lang, apply, field, onSelectField, readOnly }: FormBuilderProps) {
  const { t } = useTranslation('designer');
  const [kind, setKind] = useState<FieldKind>('shortText');
  const form = doc.forms[formId];
  if (!form) return <p className="dz-hint">{t('panel.gone')}</p>;
  const fields = readFields(form);
  const selected = field === null ? undefined : findNode(fields, field);
  const container =
    selected && (selected.kind === 'section' || selected.kind === 'group') ? selected.path : '';

  const add = () => {
    const spec = { kind, label: { es: t('form.newFieldEs'), en: t('form.newFieldEn') } };
    // The key is worked out on the current document so the new field can be selected at once.
    const key = keyOfNewField(() => addField(doc, formId, container, spec).path);
    apply((d) => addField(d, formId, container, key === undefined ? spec : { ...spec, key }).doc);
    if (key !== undefined) onSelectField(container === '' ? key : `${container}.${key}`);
  };

  return (
    <div className="dz-formbuilder" data-testid="form-builder">
      <section className="dz-panel" aria-labelledby="dz-form-heading">
        <h2 id="dz-form-heading">
          {t('form.heading')}: {pick(form.title, lang)} <code>{form.id}</code>
        </h2>
        {readOnly && <p className="dz-hint">{t('form.locked')}</p>}
        <fieldset disabled={readOnly} className="dz-plain">
          <TextPair
            name="form-title"
            label={t('form.title')}
            value={form.title}
            required
            onChange={(title) => apply((d) => updateFormMeta(d, formId, { title }), `form:${formId}:title`)}
          />
          <FieldTree
            nodes={fields}
            lang={lang}
            selected={field}
            onSelect={onSelectField}
            onMove={(path, to) => apply((d) => moveField(d, formId, path, to))}
            onRemove={(path) => {
              if (field !== null && (field === path || field.startsWith(`${path}.`))) onSelectField(null);
              apply((d) => removeField(d, formId, path));
            }}
          />
          <div className="dz-row dz-addfield">
            <label>
              {t('form.kind')}
              <select name="field-kind" value={kind} onChange={(e) => setKind(e.target.value as FieldKind)}>
                {FIELD_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`form.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" name="add-field" onClick={add}>
              {container === ''
                ? t('form.addField')
                : t('form.addFieldInside', { name: pick(selected?.schema['x-label'], lang) })}
            </button>
          </div>
          {selected && (
            <FieldEditor
              doc={doc}
              formId={formId}
              node={selected}
              siblings={siblingsOf(fields, selected.path)}
              lang={lang}
              apply={apply}
              onSelectField={onSelectField}
            />
          )}
        </fieldset>
      </section>
      <FormPreview
        form={form}
        onKeepExample={
          readOnly ? undefined : (data) => apply((d) => setFormExample(d, formId, { add: data }))
        }
      />
    </div>
  );
}

function FieldTree({
  nodes,
  lang,
  selected,
  onSelect,
  onMove,
  onRemove,
  inside,
}: {
  nodes: FieldNode[];
  lang: Lang;
  selected: string | null;
  onSelect: (path: string) => void;
  onMove: (path: string, to: number) => void;
  onRemove: (path: string) => void;
  /** The section or repeating group these fields are in (none at the top of the form). */
  inside?: string;
}) {
  const { t } = useTranslation('designer');
  if (nodes.length === 0)
    return (
      <p className="dz-hint">{inside ? t('form.noFieldsInside', { name: inside }) : t('form.noFields')}</p>
    );
  return (
    <ol className="dz-fieldtree">
      {nodes.map((n, i) => (
        <li key={n.path} className={selected === n.path ? 'is-selected' : ''} data-field={n.path}>
          <div className="dz-fieldrow">
            <button
              type="button"
              className="dz-link"
              onClick={() => onSelect(n.path)}
              aria-current={selected === n.path}
            >
              {pick(n.schema['x-label'], lang) || n.key}
              {(n.required || n.requiredWhen) && <span title={t('form.required')}> *</span>}
            </button>
            <span className="dz-fieldmeta">
              {n.kind === 'other' ? t('form.kinds.other') : t(`form.kinds.${n.kind}`)}
              {n.visibleWhen && <span title={t('form.conditional')}> ◐</span>}
              {n.schema['x-sensitive'] && <span title={t('form.sensitive')}> 🔒</span>}
              {n.schema['x-shareable'] && <span title={t('form.shareable')}> ⇄</span>}
            </span>
            <span className="dz-fieldbuttons">
              <button
                type="button"
                disabled={i === 0}
                onClick={() => onMove(n.path, i - 1)}
                aria-label={t('form.moveUp')}
              >
                ↑
              </button>
              <button
                type="button"
                disabled={i === nodes.length - 1}
                onClick={() => onMove(n.path, i + 1)}
                aria-label={t('form.moveDown')}
              >
                ↓
              </button>
              <button type="button" onClick={() => onRemove(n.path)} aria-label={t('form.remove')}>
                ✕
              </button>
            </span>
          </div>
          {n.children && (
            <FieldTree
              inside={pick(n.schema['x-label'], lang) || n.key}
              nodes={n.children}
              lang={lang}
              selected={selected}
              onSelect={onSelect}
              onMove={onMove}
              onRemove={onRemove}
            />
          )}
        </li>
      ))}
    </ol>
  );
}

function keyOfNewField(make: () => string): string | undefined {
  try {
    const path = make();
    return path.slice(path.lastIndexOf('.') + 1);
  } catch {
    return undefined;
  }
}

function findNode(nodes: FieldNode[], path: string): FieldNode | undefined {
  for (const n of nodes) {
    if (n.path === path) return n;
    const inner = findNode(n.children ?? [], path);
    if (inner) return inner;
  }
  return undefined;
}

function siblingsOf(nodes: FieldNode[], path: string): FieldNode[] {
  const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
  const list = parent === '' ? nodes : (findNode(nodes, parent)?.children ?? []);
  return list.filter((n) => n.path !== path);
}
