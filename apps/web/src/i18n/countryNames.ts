import { countryNames as namesIn } from '@ruta/protocol/profileVocabulary';

/** The coalition's countries by name, in each language (defined once in @ruta/protocol). */
export const countryNames = { es: namesIn('es'), en: namesIn('en') };
