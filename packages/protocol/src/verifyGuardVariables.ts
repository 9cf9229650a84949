import { escapePointer, getState, listTransitions } from './stateTree.js';
import { transitionTexts as texts } from './transitionTexts.js';
import { stateLabel } from './verifyStateLabel.js';
import { findFormField } from './formFields.js';
import { guardVariables } from './guardVariables.js';
import type {
  FieldSchema,
  FormDefinition,
  JsonLogic,
  Problem,
  ResolvedProtocol,
  TransitionConfig,
} from './types.js';
import { listOf } from './verifyListOf.js';

/**
 * Problems of the data guards read. A guard sees `{ form, case }`: `form.X` is field X of the
 * form the transition records (its recordForm, else its state's form) and `case.<formId>.X` is
 * field X of a form recorded earlier. A variable that names no such field is always empty, so
 * the condition silently never (or always) holds.
 */
export function verifyGuardVariables(protocol: ResolvedProtocol): Problem[] {
  const problems: Problem[] = [];
  const forms = protocol.forms ?? {};
  const seen = new Set<string>();
  const report = (key: string, problem: Problem) => {
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(problem);
  };

  for (const [name, guard] of Object.entries(protocol.guards ?? {})) {
    const pointer = `/guards/${escapePointer(name)}/logic`;
    for (const variable of variablesOf(guard?.logic)) {
      const [root, ...rest] = variable.split('.');
      if (root === 'form') continue; // depends on the transition: checked below
      if (root === 'case') {
        const [formId, ...field] = rest;
        if (formId === undefined) continue;
        if (!Object.hasOwn(forms, formId)) {
          report(`${name}:${variable}`, {
            code: 'unknown-guard-field',
            location: { pointer, form: formId },
            ...texts.unknownGuardForm(name, variable, formId, Object.keys(forms)),
          });
        } else if (field.length > 0 && !hasField(forms[formId], field)) {
          report(`${name}:${variable}`, {
            code: 'unknown-guard-field',
            location: { pointer, form: formId, field: field.join('.') },
            ...texts.unknownGuardField(
              name,
              variable,
              formId,
              field.join('.'),
              fieldsOf(forms[formId]?.schema),
            ),
          });
        }
        continue;
      }
      report(`${name}:${variable}`, {
        code: 'unknown-guard-variable',
        location: { pointer },
        ...texts.unknownGuardVariable(name, variable),
      });
    }
  }

  for (const t of listTransitions(protocol.machine)) {
    const name = t.transition?.guard;
    if (name === undefined || !Object.hasOwn(protocol.guards ?? {}, name)) continue;
    const formVariables = variablesOf(protocol.guards[name]?.logic).filter((v) => v.split('.')[0] === 'form');
    if (formVariables.length === 0) continue;
    const formId = formOfTransition(protocol, t.source, t.transition);
    for (const variable of formVariables) {
      const field = variable.split('.').slice(1);
      if (formId === undefined) {
        report(`${t.pointer}:${variable}`, {
          code: 'guard-reads-no-form',
          location: { pointer: `${t.pointer}/guard`, state: t.source },
          ...texts.guardReadsNoForm(name, variable, stateLabel(protocol.machine, t.source), field.join('.')),
        });
      } else if (field.length > 0 && Object.hasOwn(forms, formId) && !hasField(forms[formId], field)) {
        report(`${formId}:${name}:${variable}`, {
          code: 'unknown-guard-field',
          location: {
            pointer: `/guards/${escapePointer(name)}/logic`,
            state: t.source,
            form: formId,
            field: field.join('.'),
          },
          ...texts.unknownGuardFieldOnTransition(
            name,
            variable,
            stateLabel(protocol.machine, t.source),
            formId,
            field.join('.'),
            fieldsOf(forms[formId]?.schema),
          ),
        });
      }
    }
  }
  return problems;
}

/** The form a transition records: its recordForm's form, else its source state's form. */
export function formOfTransition(
  protocol: ResolvedProtocol,
  source: string,
  transition: TransitionConfig | undefined,
): string | undefined {
  const record = listOf(transition?.actions).find((a) => a?.type === 'recordForm');
  const named = record && record.type === 'recordForm' ? record.params?.form : undefined;
  return named ?? (source === '' ? undefined : getState(protocol.machine, source)?.meta?.form);
}

/** Every data path a guard reads; undefined logic (a malformed guard) reads nothing. */
function variablesOf(logic: JsonLogic | undefined): string[] {
  return logic === undefined ? [] : guardVariables(logic);
}

/**
 * Whether a dotted field path names a field of the form. Items of a list are "[]" (as
 * guardVariables writes them) or an index ("relatives.0.name"); "length" of a list is its size.
 */
function hasField(form: FormDefinition | undefined, path: string[]): boolean {
  if (!form) return false;
  // A form without a usable schema is reported on its own; its fields cannot be known.
  if (typeof form.schema !== 'object' || form.schema === null) return true;
  const written: string[] = [];
  for (const segment of path) {
    if (/^\d+$/.test(segment) && written.length > 0) written[written.length - 1] += '[]';
    else written.push(segment);
  }
  try {
    if (findFormField(form, written.join('.'))) return true;
    const last = written[written.length - 1];
    return last === 'length' && findFormField(form, written.slice(0, -1).join('.'))?.items !== undefined;
  } catch {
    // The form's schema is malformed (reported with the form): its fields cannot be known.
    return true;
  }
}

function fieldsOf(schema: FieldSchema | undefined): string[] {
  return Object.keys(schema?.properties ?? {});
}
