import { useTranslation } from 'react-i18next';
import { handoverStages, problemText } from '@ruta/protocol';
import type { HandoverPermission, Lang, Problem } from '@ruta/protocol';
import type { DesignDoc } from '../model/DesignDoc.js';
import { pick } from '../i18n/pick.js';
import { LegalRefsEditor } from './LegalRefsEditor.js';
import { TextPair } from './TextPair.js';

export interface HandoverEditorProps {
  doc: DesignDoc;
  path: string;
  lang: Lang;
  value: HandoverPermission | undefined;
  /** Undefined takes the permission off the stage. */
  onChange: (value: HandoverPermission | undefined, coalesce?: string) => void;
  /** The problems about this stage's handover (its clauses, its note), shown under it. */
  problems: readonly Problem[];
}

/**
 * Whether a case may be handed over to another country at this stage (`meta.handover`), the
 * clauses that allow it and why, with the stages that already allow it named: a handover is
 * refused by the server everywhere else, so a designer must see where it is possible.
 */
export function HandoverEditor({ doc, path, lang, value, onChange, problems }: HandoverEditorProps) {
  const { t } = useTranslation('designer');
  const stages = handoverStages(doc.machine);
  const others = stages.filter((s) => s.path !== path);
  const outer = others.find((s) => path.startsWith(`${s.path}.`));
  const names = others.map((s) => `${pick(s.title, lang)} (${s.path})`).join(', ');
  return (
    <fieldset className="dz-handover" data-testid="state-handover">
      <legend>{t('state.handoverLegend')}</legend>
      <label className="dz-check">
        <input
          type="checkbox"
          name="state-handover"
          checked={value !== undefined}
          // A new permission starts with one clause to fill: the schema wants at least one.
          onChange={(e) => onChange(e.target.checked ? { legal: [{ seed: '003', clause: '' }] } : undefined)}
        />
        {t('state.handover')}
      </label>
      <p className="dz-hint">{t('state.handoverHint')}</p>
      <p className="dz-hint" data-handover-where>
        {outer
          ? t('state.handoverInside', { stage: pick(outer.title, lang) })
          : others.length
            ? t('state.handoverWhere', { stages: names })
            : t('state.handoverNowhere')}
      </p>
      {value && (
        <>
          <LegalRefsEditor
            name="handover-legal"
            legend={t('state.handoverLegal')}
            emptyHint={t('state.handoverLegalNone')}
            addLabel={t('state.handoverAddLegal')}
            value={value.legal}
            onChange={(legal) => onChange({ ...value, legal }, 'legal')}
          />
          <TextPair
            name="handover-note"
            label={t('state.handoverNote')}
            value={value.note}
            multiline
            onChange={(note) => {
              const { note: _n, ...rest } = value;
              onChange(note.es || note.en ? { ...rest, note } : rest, 'note');
            }}
          />
        </>
      )}
      {problems.length > 0 && (
        <ul className="dz-anchor-problems" data-testid="handover-problems">
          {problems.map((p, i) => {
            const { message, hint } = problemText(p, lang);
            return (
              <li key={i} data-code={p.code}>
                {message} {hint}
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
