import { getDefaultRegistry } from '@rjsf/core';
import { getUiOptions, type FieldTemplateProps } from '@rjsf/utils';

const DefaultFieldTemplate = getDefaultRegistry().templates.FieldTemplate;

/**
 * rjsf's FieldTemplate, except that a set of radio buttons or checkboxes is a <fieldset> whose
 * <legend> is the question: rjsf's core theme gives it a <label> pointing at a <div>, which
 * names nothing for a screen reader, so "Sí" and "No" would be read without their question.
 */
export function GroupFieldTemplate(props: FieldTemplateProps) {
  const { id, label, required, displayLabel, hidden, uiSchema, classNames, style, rawErrors, description, children, errors, help } = props;
  const widget = getUiOptions(uiSchema).widget;
  if (hidden || !displayLabel || (widget !== 'radio' && widget !== 'checkboxes')) return <DefaultFieldTemplate {...props} />;
  const invalid = (rawErrors?.length ?? 0) > 0;
  return (
    <fieldset className={`form-group field-group ${classNames ?? ''}${invalid ? ' has-error' : ''}`} style={style}>
      <legend id={`${id}__legend`} className="control-label">
        {label}
        {required ? <span className="required">*</span> : null}
      </legend>
      {description}
      {children}
      {errors}
      {help}
    </fieldset>
  );
}
