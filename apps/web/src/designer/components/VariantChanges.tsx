import { useTranslation } from 'react-i18next';
import { getState } from '@ruta/protocol';
import type { Lang, ResolvedProtocol, VariantChange, VariantDuration } from '@ruta/protocol';
import type { InexpressibleChange } from '../model/deriveVariantChanges.js';
import { pick } from '../i18n/pick.js';
import { anchorLabel } from '../model/anchorLabel.js';
import '../designer.css';

export interface VariantChangesProps {
  /** The resolved base the variant derives from. */
  base: ResolvedProtocol;
  /** The variant as edited. */
  doc: ResolvedProtocol;
  changes: VariantChange[];
  inexpressible: InexpressibleChange[];
  lang: Lang;
}

/** Exactly what a national variant changes in its regional base, one line per change, in plain words. */
export function VariantChanges({ base, doc, changes, inexpressible, lang }: VariantChangesProps) {
  const { t } = useTranslation('designer');
  const stateTitle = (path: string) =>
    pick((getState(doc.machine, path) ?? getState(base.machine, path))?.meta.title, lang) || path;
  const describe = (c: VariantChange): string => {
    switch (c.op) {
      case 'addState':
        return t('variant.ops.addState', { title: pick(c.state.meta.title, lang), path: c.path });
      case 'replaceState':
        return t('variant.ops.replaceState', { title: stateTitle(c.path), path: c.path });
      case 'removeState':
        return t('variant.ops.removeState', {
          title: pick(getState(base.machine, c.path)?.meta.title, lang) || c.path,
          path: c.path,
        });
      case 'setStateMeta':
        return t('variant.ops.setStateMeta', {
          title: stateTitle(c.path),
          what: Object.keys(c.meta)
            .map((k) => t(`diff.kinds.${k}`, { defaultValue: k }))
            .join(', '),
          values: Object.entries(c.meta)
            .map(([k, v]) =>
              k === 'deadline'
                ? deadlineValue(c.path, v as VariantDuration)
                : k === 'institution' || k === 'title'
                  ? pick(v as never, lang)
                  : '',
            )
            .filter((x) => x !== '')
            .join(', '),
        });
      case 'removeDeadline':
        return t('variant.ops.removeDeadline', { title: stateTitle(c.path) });
      case 'addTransition':
        return t('variant.ops.addTransition', {
          from: c.from ? stateTitle(c.from) : t('transition.anyState'),
          event: eventTitle(c.event),
          target: c.transition.target ?? '—',
        });
      case 'replaceTransition':
        return t('variant.ops.replaceTransition', {
          from: c.from ? stateTitle(c.from) : t('transition.anyState'),
          event: eventTitle(c.event),
        });
      case 'removeTransition':
        return t('variant.ops.removeTransition', {
          from: c.from ? stateTitle(c.from) : t('transition.anyState'),
          event: eventTitle(c.event),
        });
      case 'setGuard':
        return t('variant.ops.setGuard', { name: c.name, description: pick(c.guard.description, lang) });
      case 'setEvent':
        return t('variant.ops.setEvent', { name: c.event, title: pick(c.definition.title, lang) });
      case 'setDelay': {
        // Without "from" the base's anchor stays, "from": null drops it: say what it counts from.
        const was = base.delays?.[c.name]?.from;
        const from = c.delay.from === null ? undefined : (c.delay.from ?? was);
        if (c.delay.from === null && was)
          return t('variant.ops.setDelayFromStep', {
            name: c.name,
            hours: c.delay.hours,
            was: anchorLabel(doc, was.field, lang),
          });
        return from
          ? t('variant.ops.setDelayFrom', {
              name: c.name,
              hours: c.delay.hours,
              from: anchorLabel(doc, from.field, lang),
            })
          : t('variant.ops.setDelay', { name: c.name, hours: c.delay.hours });
      }
      case 'setTitle':
        return t('variant.ops.setTitle', { title: pick(c.title, lang) });
      case 'addForm':
        return t('variant.ops.addForm', { title: pick(c.form.title, lang), id: c.form.id });
      case 'replaceForm':
        return t('variant.ops.replaceForm', { title: pick(c.form.title, lang), id: c.form.id });
      case 'addField':
        return t('variant.ops.addField', {
          field: c.field,
          label: pick(c.schema['x-label'], lang),
          form: c.form,
        });
      case 'replaceField':
        return t('variant.ops.replaceField', {
          field: c.field,
          label: pick(c.schema['x-label'], lang),
          form: c.form,
        });
      case 'removeField':
        return t('variant.ops.removeField', { field: c.field, form: c.form });
    }
  };
  /** A deadline's hours and, where it is not the entry into the step, what it counts from. */
  const deadlineValue = (path: string, d: VariantDuration): string => {
    const was = getState(base.machine, path)?.meta.deadline?.from;
    if (d.from === null && was)
      return t('variant.ops.deadlineFromStep', { hours: d.hours, was: anchorLabel(doc, was.field, lang) });
    const from = d.from === null ? undefined : (d.from ?? was);
    return from
      ? t('variant.ops.deadlineFrom', { hours: d.hours, from: anchorLabel(doc, from.field, lang) })
      : `${d.hours} h`;
  };
  const eventTitle = (e: string) => pick(doc.events[e]?.title ?? base.events[e]?.title, lang) || e;
  return (
    <section className="dz-panel" aria-labelledby="dz-variant-heading" data-testid="variant-changes">
      <h2 id="dz-variant-heading">{t('variant.heading', { base: `${base.id}@${base.version}` })}</h2>
      {inexpressible.length > 0 && (
        <div className="dz-error" role="alert">
          <p>{t('variant.inexpressibleIntro')}</p>
          <ul>
            {inexpressible.map((x, i) => (
              <li key={i}>{t(`variant.inexpressible.${x.code}`, { name: x.name ?? '' })}</li>
            ))}
          </ul>
        </div>
      )}
      {changes.length === 0 ? (
        <p>{t('variant.none')}</p>
      ) : (
        <ol className="dz-changes">
          {changes.map((c, i) => (
            <li key={i} data-op={c.op}>
              {describe(c)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
