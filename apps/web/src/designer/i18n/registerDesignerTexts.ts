import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, es } from './designerTexts.js';

/**
 * Adds the designer's texts to i18next under the "designer" namespace. The app shell starts
 * i18next; a page that runs the designer alone (a benchmark, a story outside the shell) gets a
 * minimal start here.
 */
export function registerDesignerTexts(): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      lng: 'es',
      fallbackLng: 'es',
      supportedLngs: ['es', 'en'],
      interpolation: { escapeValue: false },
      resources: {},
    });
  }
  if (!i18next.hasResourceBundle('es', 'designer')) {
    i18next.addResourceBundle('es', 'designer', es, true, true);
    i18next.addResourceBundle('en', 'designer', en, true, true);
  }
  return i18next;
}
