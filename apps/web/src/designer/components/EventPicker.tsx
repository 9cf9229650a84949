import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDefinition, Lang, Text } from '@ruta/protocol';
import type { DesignDoc } from '../model/DesignDoc.js';
import { newEventName } from '../model/protocolEdits.js';
import { pick } from '../i18n/pick.js';
import { TextPair } from './TextPair.js';

export interface EventPickerProps {
  doc: DesignDoc;
  lang: Lang;
  label: string;
  /** The current event ("" for none yet). */
  value: string;
  /** `created` is set when the designer made a new event: the caller defines it in the same edit. */
  onPick: (event: string, created?: EventDefinition) => void;
}

/** Picks the event (the action button case workers press) or creates one with its titles in both languages. */
export function EventPicker({ doc, lang, label, value, onPick }: EventPickerProps) {
  const { t } = useTranslation('designer');
  const [creating, setCreating] = useState(false);
  const [title, setTitle] = useState<Text>({ es: '', en: '' });
  const ready = title.es.trim() !== '' && title.en.trim() !== '';
  return (
    <div className="dz-eventpicker">
      <label>
        {label}
        <select
          name="event"
          value={creating ? '__new__' : value}
          onChange={(e) => {
            if (e.target.value === '__new__') setCreating(true);
            else {
              setCreating(false);
              if (e.target.value) onPick(e.target.value);
            }
          }}
        >
          {value === '' && <option value="">{t('event.choose')}</option>}
          {value.startsWith('after:') && <option value={value}>⏲ {value.slice(6)}</option>}
          {value === 'done' && <option value="done">{t('event.done')}</option>}
          {Object.entries(doc.events).map(([name, def]) => (
            <option key={name} value={name}>
              {pick(def.title, lang)} ({name})
            </option>
          ))}
          <option value="__new__">{t('event.new')}</option>
        </select>
      </label>
      {creating && (
        <div className="dz-subform">
          <TextPair
            name="new-event-title"
            label={t('event.title')}
            value={title}
            required
            missing="touched"
            onChange={setTitle}
          />
          <button
            type="button"
            name="create-event"
            disabled={!ready}
            onClick={() => {
              onPick(newEventName(doc, title), { title });
              setCreating(false);
              setTitle({ es: '', en: '' });
            }}
          >
            {t('event.create')}
          </button>
        </div>
      )}
    </div>
  );
}
