import { useTranslation } from 'react-i18next';
import { listTransitions } from '@ruta/protocol';
import type { Lang, Problem, ResolvedProtocol } from '@ruta/protocol';
import type { DesignDoc } from '../model/DesignDoc.js';
import type { Editor } from '../state/useEditor.js';
import { anchorPointers } from '../model/anchorPointers.js';
import { setDelayFrom, setDelayHours } from '../model/protocolEdits.js';
import { AnchorSelect } from './AnchorSelect.js';

/**
 * The wait of a delayed transition: its hours and what it counts from. The delay is the
 * protocol's, by name: every transition that waits for it changes with it.
 */
export function DelayEditor({
  doc,
  name,
  lang,
  apply,
  problems,
  suffix = '',
  base,
}: {
  doc: DesignDoc;
  name: string;
  lang: Lang;
  apply: Editor['apply'];
  problems: readonly Problem[] | undefined;
  /** Added to the names of its inputs, where several delays are shown together. */
  suffix?: string;
  /** The resolved base of a national variant: its choice of what a deadline or delay counts from is shown. */
  base?: ResolvedProtocol | null | undefined;
}) {
  const { t } = useTranslation('designer');
  const delay = Object.hasOwn(doc.delays ?? {}, name) ? doc.delays![name] : undefined;
  if (!delay) return <p className="dz-hint">{t('delay.missing', { name })}</p>;
  const waits = listTransitions(doc.machine).filter((x) => x.event === `after:${name}`).length;
  return (
    <fieldset className="dz-delay" data-testid="delay-editor" data-delay={name}>
      <legend>{t('delay.heading', { name })}</legend>
      <label>
        {t('actions.hours')}
        <input
          name={`delay-hours${suffix}`}
          type="number"
          min={1}
          value={delay.hours}
          onChange={(e) => apply((d) => setDelayHours(d, name, Number(e.target.value)), `delay:${name}`)}
        />
      </label>
      <AnchorSelect
        doc={doc}
        lang={lang}
        pointer={anchorPointers.delay(name)}
        name={`delay-from${suffix}`}
        label={t('delay.from')}
        stepLabel={t('delay.fromStep')}
        hint={t('delay.fromHint')}
        value={delay.from?.field}
        problems={problems}
        baseField={base?.delays?.[name]?.from?.field}
        onChange={(field) => apply((d) => setDelayFrom(d, name, field))}
      />
      {waits > 1 && <p className="dz-hint">{t('delay.shared', { count: waits })}</p>}
    </fieldset>
  );
}
