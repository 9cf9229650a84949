import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryBuilder } from 'react-querybuilder';
import type { Field, RuleGroupType, ValueEditorType } from 'react-querybuilder';
import type { JsonLogic, Lang } from '@ruta/protocol';
import type { GuardField } from '../model/guardFields.js';
import { OPERATORS_BY_KIND, emptyQuery, fromJsonLogic, toJsonLogic } from '../model/guardQuery.js';
import { pick } from '../i18n/pick.js';
import '../designer.css';

export interface GuardBuilderProps {
  /** The guard's current logic (null for a new guard). */
  logic: JsonLogic | null;
  fields: GuardField[];
  lang: Lang;
  /** Called with the JSON Logic of the conditions, whenever they make a complete guard. */
  onChange: (logic: JsonLogic) => void;
}

/**
 * Conditions over form and case fields, composed with pickers: a field, a comparison that fits
 * its kind, a value (choices offered as a list), grouped with "all of" / "any of". It exports
 * JSON Logic; there is no place to type code.
 */
export function GuardBuilder({ logic, fields, lang, onChange }: GuardBuilderProps) {
  const { t } = useTranslation('designer');
  const parsed = useMemo(
    () => (logic === null ? emptyQuery() : fromJsonLogic(logic, fields)),
    [logic, fields],
  );
  const [query, setQuery] = useState<RuleGroupType | null>(parsed);
  const [lastLogic, setLastLogic] = useState(logic);
  // A different guard (or an undo) replaces what the builder shows.
  useEffect(() => {
    if (logic !== lastLogic) {
      setQuery(parsed);
      setLastLogic(logic);
    }
  }, [logic, lastLogic, parsed]);

  const rqbFields = useMemo<Field[]>(
    () =>
      fields.map((f) => {
        const choices = (f.choices ?? []).map((c) => ({
          name: c.value,
          value: c.value,
          label: pick(c.label, lang),
        }));
        const yesNo = [
          { name: 'true', value: 'true', label: t('guard.yes') },
          { name: 'false', value: 'false', label: t('guard.no') },
        ];
        const field: Field = {
          name: f.name,
          value: f.name,
          label: pick(f.label, lang),
          operators: OPERATORS_BY_KIND[f.kind].map((op) => ({
            name: op,
            value: op,
            label: t(`guard.op.${op}`),
          })),
        };
        if (f.kind === 'yesNo') {
          field.valueEditorType = 'select';
          field.values = yesNo;
        } else if (f.kind === 'singleChoice' || f.kind === 'multipleChoice') {
          field.valueEditorType = (op: string): ValueEditorType =>
            op === 'in' || op === 'notIn' ? 'multiselect' : 'select';
          field.values = choices;
        } else if (f.kind === 'number') field.inputType = 'number';
        else if (f.kind === 'date') field.inputType = 'date';
        return field;
      }),
    [fields, lang, t],
  );

  const translations = useMemo(
    () => ({
      addRule: { label: t('guard.addRule'), title: t('guard.addRule') },
      addGroup: { label: t('guard.addGroup'), title: t('guard.addGroup') },
      removeRule: { label: '✕', title: t('common.remove') },
      removeGroup: { label: '✕', title: t('common.remove') },
      fields: { title: t('guard.field') },
      operators: { title: t('guard.operator') },
      value: { title: t('guard.value') },
      combinators: { title: t('guard.combinator') },
      notToggle: { label: t('guard.not'), title: t('guard.notTitle') },
    }),
    [t],
  );
  const combinators = useMemo(
    () => [
      { name: 'and', value: 'and', label: t('guard.all') },
      { name: 'or', value: 'or', label: t('guard.any') },
    ],
    [t],
  );

  if (query === null) {
    return (
      <div className="dz-guard dz-guard-readonly" role="group" aria-label={t('guard.heading')}>
        <p>{t('guard.handWritten')}</p>
        <pre>{JSON.stringify(logic, null, 1)}</pre>
        <button type="button" onClick={() => setQuery(emptyQuery())}>
          {t('guard.replace')}
        </button>
      </div>
    );
  }
  const complete = toJsonLogic(query, fields);
  return (
    <div className="dz-guard" role="group" aria-label={t('guard.heading')} data-testid="guard-builder">
      {fields.length === 0 ? (
        <p className="dz-hint">{t('guard.noFields')}</p>
      ) : (
        <QueryBuilder
          fields={rqbFields}
          query={query}
          combinators={combinators}
          translations={translations}
          addRuleToNewGroups
          resetOnFieldChange
          showNotToggle
          onQueryChange={(q) => {
            setQuery(q);
            const next = toJsonLogic(q, fields);
            if (next !== null) {
              setLastLogic(next);
              onChange(next);
            }
          }}
        />
      )}
      {complete === null && <p className="dz-hint">{t('guard.empty')}</p>}
    </div>
  );
}
