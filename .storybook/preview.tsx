import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { FixedNowContext } from '../apps/web/src/format/useNow.js';
import { initI18n } from '../apps/web/src/i18n/i18n.js';
import '../apps/web/src/styles/app.css';

/** Every story renders at this instant, so "time left" reads the same on every run. */
export const STORY_NOW = Date.parse('2026-03-10T15:00:00Z');

const i18n = initI18n('es');

interface StoryContext {
  globals: { locale?: string };
}

const preview = {
  globalTypes: {
    locale: {
      description: 'Language of the UI',
      toolbar: {
        title: 'Idioma / Language',
        icon: 'globe',
        items: [
          { value: 'es', title: 'Español' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'es' },
  decorators: [
    (Story: () => ReactNode, context: StoryContext) => {
      const lang = context.globals.locale === 'en' ? 'en' : 'es';
      if (i18n.language !== lang) void i18n.changeLanguage(lang);
      document.documentElement.lang = lang;
      return (
        <I18nextProvider i18n={i18n}>
          <FixedNowContext.Provider value={STORY_NOW}>
            <MemoryRouter>
              <main style={{ padding: '1rem', maxWidth: 960 }}>
                <Story />
              </main>
            </MemoryRouter>
          </FixedNowContext.Provider>
        </I18nextProvider>
      );
    },
  ],
  parameters: { layout: 'fullscreen' },
};

export default preview;
